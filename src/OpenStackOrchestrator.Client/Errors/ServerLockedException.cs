namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>Nova refused an action (delete, stop, resize...) because the server is locked (HTTP 409 "Instance ... is
    /// locked"): Unlock-OSServer first, or ask the user who locked it (an admin's lock only an admin can lift).</summary>
    public sealed class ServerLockedException : OpenStackException
    {
        public ServerLockedException(string message) : base(message) { }
        public override string ErrorId => "ServerLocked";

        internal static bool Matches(string service, string? serviceMessage) =>
            serviceMessage != null
            && System.Text.RegularExpressions.Regex.IsMatch(serviceMessage, @"^Instance \S+ is locked", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}
