namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The stable PowerShell type names of the module's output, used by format views and Update-TypeData.</summary>
    public static class TypeNames
    {
        public const string Cloud = "OpenStackOrchestrator.Cloud";
        public const string AvailableCloud = "OpenStackOrchestrator.AvailableCloud";
        public const string Flavor = "OpenStackOrchestrator.Flavor";
        public const string Image = "OpenStackOrchestrator.Image";
        public const string Server = "OpenStackOrchestrator.Server";
    }
}
