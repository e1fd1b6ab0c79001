namespace OpenStackOrchestrator.Client.Settings
{
    /// <summary>What a connection does with a server certificate that does not validate.</summary>
    public enum InvalidCertificateAction
    {
        /// <summary>Refuse the connection (the default).</summary>
        Fail,
        /// <summary>Connect, and warn once per connection and host.</summary>
        Warn,
        /// <summary>Connect without checking (as -SkipCertificateCheck).</summary>
        Ignore,
    }

    /// <summary>What Connect-OSCloud does with the default connections.</summary>
    public enum DefaultCloudMode
    {
        /// <summary>A new default connection replaces the others.</summary>
        Single,
        /// <summary>A new default connection joins the others (the default).</summary>
        Multiple,
    }

    /// <summary>Where a setting's value comes from; a later scope overrides an earlier one.</summary>
    public enum SettingScope
    {
        Default,
        User,
        Session,
    }
}
