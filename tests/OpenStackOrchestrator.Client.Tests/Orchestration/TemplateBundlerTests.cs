using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>The files map is what python-heatclient sends: every local file a template or environment references,
    /// keyed by its file:// URL, with the references rewritten to those keys.</summary>
    public class TemplateBundlerTests
    {
        private const string Version = "heat_template_version: 2018-08-31\n";

        private static Dictionary<string, object?> Map(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

        private static object? At(Dictionary<string, object?> root, params string[] path) =>
            path.Aggregate((object?)root, (node, key) => Map(node)[key]);

        private static TemplateBundle Bundle(FakeTemplateFiles files, string template, params string[] environments) =>
            TemplateBundler.FromFile(FakeTemplateFiles.PathOf(template), environments.Select(FakeTemplateFiles.PathOf), files);

        [Fact]
        public void Get_file_is_read_relative_to_the_template_and_the_reference_becomes_its_key()
        {
            var files = new FakeTemplateFiles()
                .With("app/main.yaml", Version + "resources:\n  boot:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: scripts/boot.sh}\n")
                .With("app/scripts/boot.sh", "#!/bin/sh\necho hello\n");

            var bundle = Bundle(files, "app/main.yaml");

            var key = FakeTemplateFiles.KeyOf("app/scripts/boot.sh");
            Assert.StartsWith("file:///", key);
            Assert.Equal(new[] { key }, bundle.Files.Keys);
            Assert.Equal("#!/bin/sh\necho hello\n", bundle.Files[key]);
            Assert.Equal(key, At(bundle.Template!, "resources", "boot", "properties", "config", "get_file"));
        }

        [Fact]
        public void Nested_templates_are_bundled_recursively_as_JSON_with_paths_relative_to_themselves()
        {
            var files = new FakeTemplateFiles()
                .With("app/main.yaml", Version + "resources:\n  web:\n    type: lib/web.yaml\n    properties: {size: 2}\n  plain:\n    type: OS::Heat::RandomString\n")
                .With("app/lib/web.yaml", Version + "parameters:\n  size: {type: number}\nresources:\n  db:\n    type: db.template\n  init:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: ../scripts/init.sh}\n")
                .With("app/lib/db.template", Version + "resources: {}\n")
                .With("app/scripts/init.sh", "init");

            var bundle = Bundle(files, "app/main.yaml");

            var web = FakeTemplateFiles.KeyOf("app/lib/web.yaml");
            var db = FakeTemplateFiles.KeyOf("app/lib/db.template");
            var init = FakeTemplateFiles.KeyOf("app/scripts/init.sh");
            Assert.Equal(new[] { db, init, web }.OrderBy(k => k), bundle.Files.Keys.OrderBy(k => k));
            Assert.Equal(web, At(bundle.Template!, "resources", "web", "type"));
            Assert.Equal("OS::Heat::RandomString", At(bundle.Template!, "resources", "plain", "type"));
            Assert.Equal("init", bundle.Files[init]);
            // The nested template went through the same bundling and is stored as JSON.
            var nested = JsonDocument.Parse(bundle.Files[web]).RootElement;
            Assert.Equal(db, nested.GetProperty("resources").GetProperty("db").GetProperty("type").GetString());
            Assert.Equal(init, nested.GetProperty("resources").GetProperty("init").GetProperty("properties").GetProperty("config").GetProperty("get_file").GetString());
            Assert.Equal("number", nested.GetProperty("parameters").GetProperty("size").GetProperty("type").GetString());
        }

        [Fact]
        public void Environment_registry_entries_are_bundled_relative_to_the_environment_and_environments_merge()
        {
            var files = new FakeTemplateFiles()
                .With("app/main.yaml", Version + "resources:\n  web:\n    type: My::Web\n")
                .With("env/base.yaml", "parameters:\n  flavor: m1.tiny\n  image: los-fake-image\nresource_registry:\n  My::Web: ../app/lib/web.yaml\n  My::None: OS::Heat::None\n")
                .With("env/prod.yaml", "parameters:\n  flavor: m1.small\nresource_registry:\n  resources:\n    web:\n      My::Web: custom/web.yaml\n      hooks: pre-create\n")
                .With("app/lib/web.yaml", Version + "resources: {}\n")
                .With("env/custom/web.yaml", Version + "resources: {}\n");

            var bundle = Bundle(files, "app/main.yaml", "env/base.yaml", "env/prod.yaml");

            var registry = Map(bundle.Environment["resource_registry"]);
            Assert.Equal(FakeTemplateFiles.KeyOf("app/lib/web.yaml"), registry["My::Web"]);
            Assert.Equal("OS::Heat::None", registry["My::None"]);
            var web = Map(Map(registry["resources"])["web"]);
            Assert.Equal(FakeTemplateFiles.KeyOf("env/custom/web.yaml"), web["My::Web"]);
            Assert.Equal("pre-create", web["hooks"]);
            Assert.Contains(FakeTemplateFiles.KeyOf("app/lib/web.yaml"), bundle.Files.Keys);
            Assert.Contains(FakeTemplateFiles.KeyOf("env/custom/web.yaml"), bundle.Files.Keys);
            // The later environment wins key by key; what it does not set stays.
            var parameters = Map(bundle.Environment["parameters"]);
            Assert.Equal("m1.small", parameters["flavor"]);
            Assert.Equal("los-fake-image", parameters["image"]);
        }

        [Fact]
        public void Registry_base_url_changes_where_entries_are_read_from()
        {
            var files = new FakeTemplateFiles()
                .With("app/main.yaml", Version + "resources: {}\n")
                .With("env/e.yaml", "resource_registry:\n  base_url: ../shared\n  My::Thing: thing.yaml\n")
                .With("shared/thing.yaml", Version + "resources: {}\n");

            var bundle = Bundle(files, "app/main.yaml", "env/e.yaml");

            Assert.Equal(FakeTemplateFiles.KeyOf("shared/thing.yaml"), Map(bundle.Environment["resource_registry"])["My::Thing"]);
        }

        [Fact]
        public void A_missing_file_is_an_error_naming_the_file_and_what_references_it()
        {
            var files = new FakeTemplateFiles()
                .With("app/main.yaml", Version + "resources:\n  web:\n    type: lib/missing.yaml\n");

            var ex = Assert.Throws<InvalidTemplateException>(() => Bundle(files, "app/main.yaml"));

            Assert.Equal(FakeTemplateFiles.PathOf("app/lib/missing.yaml"), ex.File);
            Assert.Contains("'lib/missing.yaml'", ex.Message);
            Assert.Contains(FakeTemplateFiles.PathOf("app/lib/missing.yaml"), ex.Message);
            Assert.Contains(FakeTemplateFiles.PathOf("app/main.yaml"), ex.Message);
            Assert.Contains("does not exist", ex.Message);
        }

        [Fact]
        public void A_missing_environment_file_is_an_error_naming_it()
        {
            var files = new FakeTemplateFiles().With("app/main.yaml", Version + "resources: {}\n");

            var ex = Assert.Throws<InvalidTemplateException>(() => Bundle(files, "app/main.yaml", "env/nope.yaml"));

            Assert.Equal(FakeTemplateFiles.PathOf("env/nope.yaml"), ex.File);
            Assert.Contains(FakeTemplateFiles.PathOf("env/nope.yaml"), ex.Message);
        }

        [Fact]
        public void A_JSON_template_is_bundled_like_a_YAML_one()
        {
            var files = new FakeTemplateFiles()
                .With("app/main.json", "{\n\t\"heat_template_version\": \"2018-08-31\",\n\t\"resources\": {\"web\": {\"type\": \"web.yaml\", \"properties\": {\"count\": 3}}}\n}")
                .With("app/web.yaml", Version + "resources: {}\n");

            var bundle = Bundle(files, "app/main.json");

            Assert.Equal(FakeTemplateFiles.KeyOf("app/web.yaml"), At(bundle.Template!, "resources", "web", "type"));
            Assert.Equal(3L, At(bundle.Template!, "resources", "web", "properties", "count"));
            Assert.Equal(1, bundle.ResourceCount);
        }

        [Fact]
        public void Files_used_twice_are_read_once_and_a_reference_cycle_ends()
        {
            var files = new FakeTemplateFiles()
                .With("main.yaml", Version + "resources:\n  a1: {type: a.yaml}\n  a2: {type: a.yaml}\n")
                .With("a.yaml", Version + "resources:\n  b: {type: b.yaml}\n")
                .With("b.yaml", Version + "resources:\n  a: {type: a.yaml}\n");

            var bundle = Bundle(files, "main.yaml");

            Assert.Equal(3, files.Reads.Count);
            Assert.Equal(new[] { FakeTemplateFiles.KeyOf("a.yaml"), FakeTemplateFiles.KeyOf("b.yaml") }.OrderBy(k => k), bundle.Files.Keys.OrderBy(k => k));
        }

        [Fact]
        public void Template_text_reads_its_files_relative_to_the_given_folder_and_leaves_urls_and_other_types_alone()
        {
            var files = new FakeTemplateFiles().With("here/nested.yaml", Version + "resources: {}\n");
            var text = Version + "parameters:\n  p: {type: string}\nresources:\n  n: {type: nested.yaml}\n  remote: {type: 'https://example.com/t.yaml'}\n  script:\n    type: OS::Heat::SoftwareConfig\n    properties: {config: notes.txt}\n";

            var bundle = TemplateBundler.FromText(text, FakeTemplateFiles.PathOf("here"), null, files);

            Assert.Equal(FakeTemplateFiles.KeyOf("here/nested.yaml"), At(bundle.Template!, "resources", "n", "type"));
            Assert.Equal("https://example.com/t.yaml", At(bundle.Template!, "resources", "remote", "type"));
            Assert.Equal("string", At(bundle.Template!, "parameters", "p", "type"));
            Assert.Equal("notes.txt", At(bundle.Template!, "resources", "script", "properties", "config"));
            Assert.Single(bundle.Files);
        }

        [Fact]
        public void A_file_without_a_template_version_is_not_a_template()
        {
            var files = new FakeTemplateFiles().With("main.yaml", "resources: {}\n");

            var ex = Assert.Throws<InvalidTemplateException>(() => Bundle(files, "main.yaml"));

            Assert.Contains("heat_template_version", ex.Message);
            Assert.Contains(FakeTemplateFiles.PathOf("main.yaml"), ex.Message);
        }

        [Fact]
        public void An_environment_with_an_unknown_section_is_an_error()
        {
            var files = new FakeTemplateFiles().With("main.yaml", Version + "resources: {}\n").With("env.yaml", "paramters:\n  a: 1\n");

            var ex = Assert.Throws<InvalidTemplateException>(() => Bundle(files, "main.yaml", "env.yaml"));

            Assert.Contains("'paramters'", ex.Message);
        }
    }
}
