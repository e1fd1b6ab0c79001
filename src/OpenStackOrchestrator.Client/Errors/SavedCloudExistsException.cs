namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A cloud of that name is already saved in clouds.yaml or secure.yaml (-Force replaces it).</summary>
    public sealed class SavedCloudExistsException : OpenStackException
    {
        public SavedCloudExistsException(string name, string file)
            : base($"A cloud named '{name}' is already in {file}; it is not replaced without -Force. Choose another name, or give -Force to replace it.")
        {
            CloudName = name;
            File = file;
        }

        public string CloudName { get; }
        public string File { get; }
        public override string ErrorId => "SavedCloudExists";
    }
}
