namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A temporary URL was asked for, but neither the container nor the account has a Temp-URL-Key to sign it.</summary>
    public sealed class TempUrlKeyMissingException : OpenStackException
    {
        public TempUrlKeyMissingException(string container)
            : base($"Neither container '{container}' nor the account has a Temp-URL-Key to sign a temporary URL with.")
        {
            Container = container;
            Service = "object-store";
        }

        public string Container { get; }
        public override string ErrorId => "TempUrlKeyMissing";
    }
}
