using Xunit;

// Runspaces share the process environment (OS_CLIENT_CONFIG_FILE, OS_CLOUD...), so tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
