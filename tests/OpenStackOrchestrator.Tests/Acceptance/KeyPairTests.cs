using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Key pairs generated, imported, listed and removed through the cmdlets, checked against Nova and ssh-keygen.</summary>
    public class KeyPairTests : CloudTestBase
    {
        private const string NewCommand = "OpenStackOrchestrator.Cmdlets.Compute.NewOSKeyPairCommand";
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _prefix = UniqueName("oso-kp");
        private readonly string _folder = Directory.CreateTempSubdirectory("oso-kp-").FullName;
        private readonly List<string> _created = new List<string>();

        public KeyPairTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            foreach (var name in _created)
                _session.Run($"Remove-OSKeyPair -KeyPair '{name}' -Confirm:$false -ErrorAction SilentlyContinue");
            _session.Dispose();
            Directory.Delete(_folder, recursive: true);
            base.Dispose();
        }

        /// <summary>A unique key pair name, removed in Dispose.</summary>
        private string NewName(string suffix)
        {
            var name = _prefix + "-" + suffix;
            _created.Add(name);
            return name;
        }

        private PSObject StoredInNova(string name) => _session.Run($"Get-OSKeyPair -Name '{name}'").AssertNoErrors().Output.Single();

        private static string Prop(PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";

        /// <summary>"MD5:aa:bb:..." of ssh-keygen -l, as Nova writes fingerprints (without the prefix).</summary>
        private static string Md5Fingerprint(string keyFile) =>
            SshKeygen("-l", "-E", "md5", "-f", keyFile).Split(' ')[1].Replace("MD5:", "");

        /// <summary>"ssh-rsa AAAA..." without the comment.</summary>
        private static string KeyAndType(string publicKeyLine) => string.Join(" ", publicKeyLine.Trim().Split(' ').Take(2));

        private static string SshKeygen(params string[] arguments)
        {
            var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in arguments)
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"ssh-keygen {string.Join(" ", arguments)} failed: {error}");
            return output.Trim();
        }

        [CloudFact]
        public void A_generated_key_saved_with_PrivateKeyFile_is_owner_only_and_is_the_key_Nova_stores()
        {
            var name = NewName("gen");
            var file = Path.Combine(_folder, name + ".pem");

            var created = _session.Run($"New-OSKeyPair -Name {name} -PrivateKeyFile '{file}'").AssertNoErrors().Output.Single();

            Assert.Equal("OpenStackOrchestrator.KeyPair", created.TypeNames[0]);
            Assert.Null(created.Properties["PrivateKey"].Value);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(file));
            var stored = StoredInNova(name);
            Assert.Equal(Md5Fingerprint(file), Prop(stored, "Fingerprint"));
            Assert.Equal(Prop(created, "Fingerprint"), Prop(stored, "Fingerprint"));
            Assert.Equal(SshKeygen("-y", "-f", file), KeyAndType(Prop(stored, "PublicKey")));
            Assert.StartsWith("4096 ", SshKeygen("-l", "-f", file));
            Assert.Equal("ssh", Prop(stored, "Type"));
            Assert.NotNull(stored.Properties["Created"].Value);
            Assert.NotEmpty(Prop(stored, "UserId"));
        }

        [CloudFact]
        public void Without_a_file_the_private_key_is_returned_once_and_never_shown_in_debug_traces()
        {
            var name = NewName("once");
            _session.UI.Clear();

            var created = _session.Run($"New-OSKeyPair {name} -Debug").AssertNoErrors().Output.Single();

            var privateKey = Prop(created, "PrivateKey");
            Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", privateKey);
            Assert.NotEmpty(_session.UI.DebugLines);
            var keyLine = privateKey.Split('\n')[1];
            Assert.DoesNotContain(_session.UI.DebugLines, l => l.Contains("PRIVATE KEY") || l.Contains(keyLine));
            var keyFile = Path.Combine(_folder, "once.pem");
            File.WriteAllText(keyFile, privateKey);
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Equal(Md5Fingerprint(keyFile), Prop(StoredInNova(name), "Fingerprint"));
            Assert.Empty(Prop(StoredInNova(name), "PrivateKey"));
        }

        [CloudFact]
        public void A_private_key_that_Nova_generates_below_2_92_is_redacted_in_debug_traces()
        {
            var name = NewName("nova");
            _session.UI.Clear();

            var privateKey = _session.Run($@"
                $body = @{{ keypair = @{{ name = '{name}' }} }}
                (Invoke-OSApiRequest -Service compute -Path /os-keypairs -Method POST -Body $body -Microversion 2.91 -Confirm:$false -Debug).keypair.private_key")
                .AssertNoErrors().Output.Single().ToString();

            Assert.Contains("PRIVATE KEY-----", privateKey);
            Assert.Contains(_session.UI.DebugLines, l => l.Contains("\"private_key\": \"***\""));
            Assert.DoesNotContain(_session.UI.DebugLines, l => l.Contains("PRIVATE KEY"));
        }

        [CloudFact]
        public void A_public_key_is_imported_from_a_file_or_a_string()
        {
            var fromFile = NewName("file");
            var fromText = NewName("text");
            var keyFile = Path.Combine(_folder, "id_ed25519");
            SshKeygen("-q", "-t", "ed25519", "-N", "", "-C", "oso-test", "-f", keyFile);
            var publicKey = File.ReadAllText(keyFile + ".pub").Trim();

            var imported = _session.Run($"New-OSKeyPair -Name {fromFile} -PublicKeyFile '{keyFile}.pub'").AssertNoErrors().Output.Single();
            _session.Run($"New-OSKeyPair -Name {fromText} -PublicKey '{publicKey}'").AssertNoErrors();

            Assert.Equal(publicKey, Prop(imported, "PublicKey"));
            Assert.Null(imported.Properties["PrivateKey"].Value);
            Assert.Equal(Md5Fingerprint(keyFile + ".pub"), Prop(imported, "Fingerprint"));
            Assert.Equal(Prop(imported, "Fingerprint"), Prop(StoredInNova(fromText), "Fingerprint"));
        }

        [CloudFact]
        public void A_private_key_given_as_the_public_key_is_refused_before_anything_is_sent()
        {
            var name = NewName("priv");
            var keyFile = Path.Combine(_folder, "id_rsa_given");
            SshKeygen("-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", keyFile);

            var error = _session.Run($"New-OSKeyPair -Name {name} -PublicKeyFile '{keyFile}' -Debug").SingleError();

            Assert.Equal("PrivateKeyGivenAsPublicKey," + NewCommand, error.FullyQualifiedErrorId);
            Assert.DoesNotContain(_session.UI.DebugLines, l => l.Contains("os-keypairs"));
            Assert.Equal(ErrorCategory.ObjectNotFound, _session.Run($"Get-OSKeyPair -Name {name}").SingleError().CategoryInfo.Category);
        }

        [CloudFact]
        public void A_duplicate_name_is_a_Conflict_with_Novas_message_and_leaves_no_key_file()
        {
            var name = NewName("dup");
            _session.Run($"New-OSKeyPair -Name {name}").AssertNoErrors();
            var file = Path.Combine(_folder, "dup.pem");

            var error = _session.Run($"New-OSKeyPair -Name {name} -PrivateKeyFile '{file}'").SingleError();

            Assert.Equal("Conflict," + NewCommand, error.FullyQualifiedErrorId);
            Assert.Contains($"Key pair '{name}' already exists", error.ToString());
            Assert.False(File.Exists(file));
        }

        [CloudFact]
        public void An_existing_private_key_file_is_never_overwritten_and_no_key_pair_is_made()
        {
            var name = NewName("exists");
            var file = Path.Combine(_folder, "exists.pem");
            File.WriteAllText(file, "keep me");

            var error = _session.Run($"New-OSKeyPair -Name {name} -PrivateKeyFile '{file}'").SingleError();

            Assert.Equal("PrivateKeyFileNotCreated," + NewCommand, error.FullyQualifiedErrorId);
            Assert.Equal("keep me", File.ReadAllText(file));
            Assert.Equal(ErrorCategory.ObjectNotFound, _session.Run($"Get-OSKeyPair -Name {name}").SingleError().CategoryInfo.Category);
        }

        [CloudFact]
        public void Wildcards_and_First_list_key_pairs_in_a_table_and_names_complete()
        {
            var first = NewName("w1");
            var second = NewName("w2");
            _session.Run($"New-OSKeyPair {first}; New-OSKeyPair {second}").AssertNoErrors();

            var names = _session.Run($"Get-OSKeyPair -Name '{_prefix}-w*' | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n);

            Assert.Equal(new[] { first, second }, names);
            _session.UI.Clear();
            Assert.Single(_session.Run("Get-OSKeyPair -First 1 -Debug").AssertNoErrors().Output);
            Assert.Contains(_session.UI.DebugLines, l => l.Contains("/os-keypairs?limit=1"));
            var table = _session.Render($"Get-OSKeyPair '{first}'");
            Assert.Matches(@"Name\s+Type\s+Fingerprint", table);
            Assert.Matches(first + @"\s+ssh\s+([0-9a-f]{2}:){15}[0-9a-f]{2}", table);
            var line = $"Remove-OSKeyPair {_prefix}-w";
            var completions = _session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
                .AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n);
            Assert.Equal(new[] { first, second }, completions);
        }

        [CloudFact]
        public void Remove_asks_first_honours_WhatIf_and_takes_key_pairs_from_the_pipeline()
        {
            var name = NewName("rm");
            _session.Run($"New-OSKeyPair {name}").AssertNoErrors();

            _session.UI.Answers.Enqueue(2); // [N] No
            _session.Run($"Remove-OSKeyPair {name}").AssertNoErrors();
            Assert.Single(_session.UI.Prompts);
            var whatIf = _session.Render($"Remove-OSKeyPair {name} -WhatIf");
            Assert.Contains($"Performing the operation \"Delete key pair\" on target \"{name} on los-demo\"", whatIf);
            StoredInNova(name);

            _session.Run($"Get-OSKeyPair {name} | Remove-OSKeyPair -Confirm:$false").AssertNoErrors();

            var error = _session.Run($"Get-OSKeyPair -Name {name}").SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [CloudFact]
        public void An_unknown_key_pair_is_ObjectNotFound_for_Get_and_Remove()
        {
            var name = _prefix + "-missing";

            var get = _session.Run($"Get-OSKeyPair -Name {name}").SingleError();
            var remove = _session.Run($"Remove-OSKeyPair {name} -Confirm:$false").SingleError();

            Assert.Equal("NameNotFound,OpenStackOrchestrator.Cmdlets.Compute.GetOSKeyPairCommand", get.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, get.CategoryInfo.Category);
            Assert.Equal("ResourceNotFound,OpenStackOrchestrator.Cmdlets.Compute.RemoveOSKeyPairCommand", remove.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, remove.CategoryInfo.Category);
            Assert.Contains($"Keypair {name} not found", remove.ToString());
        }
    }
}
