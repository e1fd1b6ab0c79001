using System;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Base of Get- cmdlets whose filter can be an object (Get-OSNetwork x | Get-OSPort): such an object is
    /// read in the cloud it came from, even one outside $DefaultOSClouds.</summary>
    public abstract class NeutronGetCmdlet : OSGetCmdlet
    {
        protected void InCloudOf(ResourceReference? filter, Action action) => InCloud(filter?.Cloud, action);
    }
}
