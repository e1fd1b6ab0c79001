using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration.Export;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;
using OSCompute = OpenStackOrchestrator.Client.Compute;
using OSNet = OpenStackOrchestrator.Client.Networking;
using Volume = OpenStackOrchestrator.Client.BlockStorage.Volume;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Export-OSStackTemplate: what runs, as code. Writes the selected live resources (and what they depend on)
    /// as a HOT template, the values of its parameters as an environment beside it, and with -ForAdopt Heat's adopt
    /// data, so that New-OSStack recreates them elsewhere or (-AdoptFile) takes them over where they are.</summary>
    [Cmdlet(VerbsData.Export, "OSStackTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo), typeof(ExportedResource))]
    public sealed class ExportOSStackTemplateCommand : OSCloudCmdlet
    {
        private readonly StackExportSelection _selection = new StackExportSelection();
        // the connection piped objects came from: without -Cloud, the export reads that cloud, not $DefaultOSCloud
        private CloudConnection? _pipedCloud;

        /// <summary>The template file to write (.yaml); the environment goes beside it as NAME.env.yaml, the adopt data as NAME.adopt.json.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Servers, networks, ports, subnets, routers, security groups, floating IPs, volumes, server groups or
        /// key pairs from the Get- cmdlets.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        /// <summary>Servers (as New-OSServer's -VM elsewhere; -Server is -Cloud's alias).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Network { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Router { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Volume { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<OSCompute.ServerGroup>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? ServerGroup { get; set; }

        /// <summary>Everything the project has (external and other projects' networks stay parameters).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Also write NAME.adopt.json, for New-OSStack -AdoptFile.</summary>
        [Parameter]
        public SwitchParameter ForAdopt { get; set; }

        /// <summary>Key pairs as OS::Nova::KeyPair resources with their public key, instead of parameters naming existing ones.</summary>
        [Parameter]
        public SwitchParameter KeyPairAsResource { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        /// <summary>Overwrite files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output the exported resources (template name, type, live id) instead of the files.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject ?? new PSObject[0])
            {
                if (item?.BaseObject is Client.Resources.OSResource resource && resource.Cloud != null)
                    _pipedCloud ??= resource.Cloud;
                Select(item?.BaseObject);
            }
        }

        private void Select(object? item)
        {
            switch (item)
            {
                case OSCompute.Server x: _selection.Servers.Add(x.Id); break;
                case OSNet.Port x: _selection.Ports.Add(x.Id); break;
                case OSNet.Network x: _selection.Networks.Add(x.Id); break;
                case OSNet.Subnet x: _selection.Subnets.Add(x.Id); break;
                case OSNet.Router x: _selection.Routers.Add(x.Id); break;
                case OSNet.SecurityGroup x: _selection.SecurityGroups.Add(x.Id); break;
                case OSNet.FloatingIP x: _selection.FloatingIPs.Add(x.Id); break;
                case Volume x: _selection.Volumes.Add(x.Id); break;
                case OSCompute.ServerGroup x: _selection.ServerGroups.Add(x.Id); break;
                case OSCompute.KeyPair x: _selection.KeyPairs.Add(x.Name); break;
                case string text: _selection.Servers.Add(text); break;
                default:
                    WriteError(new ErrorRecord(new ArgumentException($"A {item?.GetType().Name ?? "null"} cannot be exported: pipe servers, networks, ports, subnets, routers, security groups, floating IPs, volumes, server groups or key pairs."),
                        "ExportInputNotSupported", ErrorCategory.InvalidType, item));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            var named = new[] { VM, Network, Router, SecurityGroup, Volume, ServerGroup }.Any(r => r != null && r.Length > 0);
            if (!All && !named && _selection.IsEmpty)
            {
                WriteError(new ErrorRecord(new ArgumentException("Nothing to export: pipe resources, or give -VM, -Network, -Router, -SecurityGroup, -Volume, -ServerGroup or -All."),
                    "NothingToExport", ErrorCategory.InvalidArgument, null));
                return;
            }
            var cloud = Cloud == null && _pipedCloud != null ? _pipedCloud : TargetCloud();
            if (cloud == null)
                return;
            var files = Files();
            var folder = System.IO.Path.GetDirectoryName(files[0]);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(new DirectoryNotFoundException($"The folder '{folder}' does not exist."), "FolderNotFound", ErrorCategory.ObjectNotFound, folder));
                return;
            }
            var existing = files.Where(File.Exists).ToList();
            if (existing.Count > 0 && !Force)
            {
                foreach (var file in existing)
                    WriteError(new ErrorRecord(new IOException($"The file '{file}' already exists. Use -Force to overwrite it."), "FileExists", ErrorCategory.ResourceExists, file));
                return;
            }
            Try(Path, () =>
            {
                var export = Run(ct => ExportAsync(cloud, ct));
                if (export == null)
                    return;
                if (!ShouldProcess(files[0], $"Write the stack template of {export.LiveIds.Count} resources of {cloud.Name}" + (files.Count > 2 ? ", its environment and adopt data" : " and its environment")))
                    return;
                try
                {
                    Write(files[0], export.TemplateYaml());
                    Write(files[1], export.EnvironmentYaml());
                    if (ForAdopt)
                        Write(files[2], export.AdoptJson());
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, "FileWriteFailed", ErrorCategory.WriteError, files[0]));
                    return;
                }
                if (PassThru)
                    foreach (var resource in export.Resources)
                        WriteTyped(resource, TypeNames.ExportedStackResource);
                else
                    foreach (var file in files)
                        WriteObject(new FileInfo(file));
            });
        }

        private async Task<StackExport?> ExportAsync(CloudConnection cloud, CancellationToken ct)
        {
            await AddAsync(VM, _selection.Servers, r => r.IdOnAsync(cloud, OSCompute.Server.Definition, ct)).ConfigureAwait(false);
            await AddAsync(Network, _selection.Networks, r => r.IdOnAsync(cloud, OSNet.Network.Definition, ct)).ConfigureAwait(false);
            await AddAsync(Router, _selection.Routers, r => r.IdOnAsync(cloud, OSNet.Router.Definition, ct)).ConfigureAwait(false);
            await AddAsync(SecurityGroup, _selection.SecurityGroups, r => r.ResolveIdAsync(cloud, cloud.Network.ResolveSecurityGroupIdAsync, ct)).ConfigureAwait(false);
            await AddAsync(Volume, _selection.Volumes, r => r.IdOnAsync(cloud, Client.BlockStorage.Volume.Definition, ct)).ConfigureAwait(false);
            await AddAsync(ServerGroup, _selection.ServerGroups, r => r.IdOnAsync(cloud, OSCompute.ServerGroup.Definition, ct)).ConfigureAwait(false);
            _selection.All = All;
            var set = await StackExportCollector.CollectAsync(cloud, _selection, ct).ConfigureAwait(false);
            return StackTemplateGenerator.Generate(set, new StackExportOptions { KeyPairsAsResources = KeyPairAsResource, Description = Description });
        }

        private static async Task AddAsync(ResourceReference[]? references, ISet<string> ids, Func<ResourceReference, Task<string>> resolve)
        {
            foreach (var reference in references ?? new ResourceReference[0])
                ids.Add(await resolve(reference).ConfigureAwait(false));
        }

        /// <summary>The template, its environment (NAME.env.yaml) and, with -ForAdopt, the adopt data (NAME.adopt.json).</summary>
        private List<string> Files()
        {
            var template = GetUnresolvedProviderPathFromPSPath(Path!);
            var extension = System.IO.Path.GetExtension(template);
            var stem = extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
                ? template.Substring(0, template.Length - extension.Length) : template;
            var files = new List<string> { template, stem + ".env.yaml" };
            if (ForAdopt)
                files.Add(stem + ".adopt.json");
            return files;
        }

        private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
