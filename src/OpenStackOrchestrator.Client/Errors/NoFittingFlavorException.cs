namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>No flavor has the size asked for (-NumCpu/-MemoryGB); the message names the nearest ones.</summary>
    public sealed class NoFittingFlavorException : OpenStackException
    {
        public NoFittingFlavorException(string message)
            : base(message)
        {
        }

        public override string ErrorId => "NoFittingFlavor";
    }
}
