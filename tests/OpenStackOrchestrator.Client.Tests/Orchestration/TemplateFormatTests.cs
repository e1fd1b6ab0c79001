using System.Collections.Generic;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>YAML is read with the scalar types heatclient's PyYAML loader gives (dates stay text), so that the JSON
    /// sent to Heat is what the openstack CLI would send.</summary>
    public class TemplateFormatTests
    {
        private const string Yaml = @"
heat_template_version: 2018-08-31
description: 'quoted: 42'
parameters:
  count: {type: number, default: 3}
  ratio: {type: number, default: 1.5}
  enabled: {type: boolean, default: yes}
  off_switch: {type: boolean, default: off}
  code: {type: string, default: '007'}
  mode: {type: string, default: 0755}
  big: {type: string, default: 0x1F}
  nothing: {type: string, default: ~}
  empty:
  version_like: {type: string, default: 1.2.3}
resources: {}
";

        [Fact]
        public void YAML_scalars_get_PyYAML_types_and_dates_stay_text()
        {
            var t = TemplateFormat.ParseTemplate(Yaml, "t.yaml");
            object? Default(string name) => ((Dictionary<string, object?>)((Dictionary<string, object?>)t["parameters"]!)[name]!)["default"];

            Assert.Equal("2018-08-31", t["heat_template_version"]);
            Assert.Equal("quoted: 42", t["description"]);
            Assert.Equal(3L, Default("count"));
            Assert.Equal(1.5, Default("ratio"));
            Assert.Equal(true, Default("enabled"));
            Assert.Equal(false, Default("off_switch"));
            Assert.Equal("007", Default("code"));
            Assert.Equal(493L, Default("mode"));
            Assert.Equal(31L, Default("big"));
            Assert.Null(Default("nothing"));
            Assert.Null(((Dictionary<string, object?>)t["parameters"]!)["empty"]);
            Assert.Equal("1.2.3", Default("version_like"));
        }

        [Fact]
        public void The_JSON_sent_keeps_the_types()
        {
            var json = TemplateFormat.ToJson(TemplateFormat.ParseTemplate(Yaml, "t.yaml"));

            Assert.Contains("\"heat_template_version\":\"2018-08-31\"", json);
            Assert.Contains("\"count\":{\"type\":\"number\",\"default\":3}", json);
            Assert.Contains("\"default\":true", json);
            Assert.Contains("\"default\":\"007\"", json);
        }

        [Fact]
        public void JSON_and_YAML_of_the_same_template_parse_alike()
        {
            var fromYaml = TemplateFormat.ToJson(TemplateFormat.ParseTemplate("heat_template_version: '2018-08-31'\nresources:\n  r:\n    type: OS::Heat::RandomString\n    properties: {length: 8}\n", "t.yaml"));
            var fromJson = TemplateFormat.ToJson(TemplateFormat.ParseTemplate("  {\"heat_template_version\": \"2018-08-31\", \"resources\": {\"r\": {\"type\": \"OS::Heat::RandomString\", \"properties\": {\"length\": 8}}}}", "t.json"));

            Assert.Equal(fromYaml, fromJson);
        }

        [Fact]
        public void Invalid_YAML_says_where()
        {
            var ex = Assert.Throws<InvalidTemplateException>(() => TemplateFormat.ParseTemplate("heat_template_version: 2018-08-31\nresources:\n  r: [unclosed\n", "bad.yaml"));

            Assert.Contains("bad.yaml is not valid YAML (line ", ex.Message);
            Assert.Equal("bad.yaml", ex.File);
        }

        [Fact]
        public void Invalid_JSON_says_so()
        {
            var ex = Assert.Throws<InvalidTemplateException>(() => TemplateFormat.ParseTemplate("{\"heat_template_version\": ", "bad.json"));

            Assert.Contains("bad.json is not valid JSON", ex.Message);
        }

        [Fact]
        public void A_key_given_twice_is_an_error()
        {
            var ex = Assert.Throws<InvalidTemplateException>(() => TemplateFormat.ParseTemplate("heat_template_version: 2018-08-31\nresources: {}\nresources: {}\n", "dup.yaml"));

            Assert.Contains("dup.yaml is not valid YAML (line 3", ex.Message);
            Assert.Contains("Duplicate key", ex.Message, System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
