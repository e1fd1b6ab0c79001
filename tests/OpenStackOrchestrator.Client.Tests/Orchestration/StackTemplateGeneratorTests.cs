using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Networking;
using Networking = OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Orchestration.Export;
using OpenStackOrchestrator.Client.Resources;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>A three-tier project (network, subnet, router to public, web and app groups, a server group, two
    /// servers on fixed IPs, a data volume, a floating IP) as Nova, Neutron and Cinder answer for it, written as HOT.</summary>
    public class StackTemplateGeneratorTests
    {
        private const string Project = "p1";

        private static T Read<T>(ResourceDefinition<T> definition, string json) where T : OSResource =>
            JsonSerializer.Deserialize(json.Replace('\'', '"'), definition.Json)!;

        internal static StackExportSet ThreeTier()
        {
            var set = new StackExportSet();
            set.Networks.Add(Read(Networking.Network.Definition, "{'id':'net1','name':'tier net','project_id':'p1','subnets':['sub1']}"));
            set.Networks.Add(Read(Networking.Network.Definition, "{'id':'pub','name':'public','router:external':true,'project_id':'admin'}"));
            set.Subnets.Add(Read(Subnet.Definition, "{'id':'sub1','name':'tier-sub','network_id':'net1','cidr':'10.9.0.0/24','ip_version':4,'gateway_ip':'10.9.0.1'," +
                "'enable_dhcp':true,'allocation_pools':[{'start':'10.9.0.10','end':'10.9.0.200'}],'dns_nameservers':['192.0.2.53'],'project_id':'p1'}"));
            set.Routers.Add(Read(Router.Definition, "{'id':'r1','name':'edge','external_gateway_info':{'network_id':'pub'},'project_id':'p1'}"));
            set.SecurityGroups.Add(Read(SecurityGroup.Definition, "{'id':'sgweb','name':'web','project_id':'p1','security_group_rules':[" +
                "{'id':'w1','security_group_id':'sgweb','direction':'ingress','ethertype':'IPv4','protocol':'tcp','port_range_min':80,'port_range_max':80,'remote_ip_prefix':'0.0.0.0/0'}," +
                "{'id':'w2','security_group_id':'sgweb','direction':'egress','ethertype':'IPv4'}]}"));
            set.SecurityGroups.Add(Read(SecurityGroup.Definition, "{'id':'sgapp','name':'app','project_id':'p1','security_group_rules':[" +
                "{'id':'a1','security_group_id':'sgapp','direction':'ingress','ethertype':'IPv4','protocol':'tcp','port_range_min':8080,'port_range_max':8080,'remote_group_id':'sgweb'}," +
                "{'id':'a2','security_group_id':'sgapp','direction':'ingress','ethertype':'IPv4','remote_group_id':'sgapp'}]}"));
            set.ServerGroups.Add(Read(ServerGroup.Definition, "{'id':'sg1','name':'spread','policy':'soft-anti-affinity','members':['s-web','s-app']}"));
            set.KeyPairs.Add(Read(KeyPair.Definition, "{'name':'ops','public_key':'ssh-ed25519 AAAA ops\\n'}"));
            set.Ports.Add(Read(Port.Definition, "{'id':'pweb','name':'web-port','network_id':'net1','device_id':'s-web','device_owner':'compute:nova'," +
                "'fixed_ips':[{'subnet_id':'sub1','ip_address':'10.9.0.11'}],'security_groups':['sgweb']}"));
            set.Ports.Add(Read(Port.Definition, "{'id':'papp','name':'','network_id':'net1','device_id':'s-app','device_owner':'compute:nova'," +
                "'fixed_ips':[{'subnet_id':'sub1','ip_address':'10.9.0.12'}],'security_groups':['sgapp']}"));
            set.Ports.Add(Read(Port.Definition, "{'id':'pri','name':'','network_id':'net1','device_id':'r1','device_owner':'network:router_interface'," +
                "'fixed_ips':[{'subnet_id':'sub1','ip_address':'10.9.0.1'}]}"));
            set.Servers.Add(Read(Server.Definition, "{'id':'s-web','name':'web','image':{'id':'img1'},'flavor':{'original_name':'m1.tiny'},'key_name':'ops'," +
                "'metadata':{'tier':'web'}}"));
            set.Servers.Add(Read(Server.Definition, "{'id':'s-app','name':'app','image':{'id':'img1'},'flavor':{'original_name':'m1.small'},'key_name':'ops'}"));
            set.Volumes.Add(Read(Volume.Definition, "{'id':'v1','name':'app-data','size':2,'volume_type':'__DEFAULT__'," +
                "'attachments':[{'server_id':'s-app','device':'/dev/vdb','attachment_id':'att1'}]}"));
            set.FloatingIPs.Add(Read(FloatingIP.Definition, "{'id':'f1','floating_ip_address':'192.0.2.50','floating_network_id':'pub','port_id':'pweb','fixed_ip_address':'10.9.0.11'}"));
            set.OutsideNetworks["pub"] = "public";
            set.ImageNames["img1"] = "los-fake-image";
            set.UserData["s-web"] = "#!/bin/sh\necho web\n";
            return set;
        }

        private static Dictionary<string, object?> Props(StackExport export, string resource) =>
            (Dictionary<string, object?>)export.Template.Resources[resource].Properties;

        private static object Ref(string name) => HotTemplate.GetResource(name);

        [Fact]
        public void Resource_names_come_from_live_names_sanitised_and_unique()
        {
            var export = StackTemplateGenerator.Generate(ThreeTier());
            var names = export.Template.Resources.Keys.ToList();

            Assert.Contains("tier_net", names);
            Assert.Contains("tier-sub", names);
            Assert.Contains("web", names);          // the security group came first...
            Assert.Contains("web_server", names);   // ...so the server called web gets its kind appended
            Assert.Contains("app_server", names);
            Assert.Contains("app_port", names);     // a port without a name is named after its server
            Assert.Contains("edge_tier-sub", names);
            Assert.DoesNotContain("public", names); // external: a parameter, never a resource
            Assert.Equal("r_1abc", HotNames.Sanitise("1abc"));
            Assert.Equal("a_b_c", HotNames.Sanitise("a b.c"));
        }

        [Fact]
        public void References_are_get_resource_and_outside_things_are_constrained_parameters()
        {
            var export = StackTemplateGenerator.Generate(ThreeTier());
            var t = export.Template;

            var port = Props(export, "web-port");
            Assert.Equal(Ref("tier_net"), port["network"]);
            var fixedIp = (Dictionary<string, object?>)((List<object?>)port["fixed_ips"]!)[0]!;
            Assert.Equal(Ref("tier-sub"), fixedIp["subnet"]);
            Assert.Equal("10.9.0.11", fixedIp["ip_address"]);
            Assert.Equal(new List<object?> { Ref("web") }, port["security_groups"]);

            var server = Props(export, "web_server");
            Assert.Equal(HotTemplate.GetParam("image"), server["image"]);
            Assert.Equal(HotTemplate.GetParam("flavor"), server["flavor"]);
            Assert.Equal(HotTemplate.GetParam("key_name"), server["key_name"]);
            Assert.Equal(Ref("spread"), ((Dictionary<string, object?>)server["scheduler_hints"]!)["group"]);
            Assert.Equal("RAW", server["user_data_format"]);
            Assert.Equal(HotTemplate.GetParam("flavor_m1_small"), Props(export, "app_server")["flavor"]);

            Assert.Equal("glance.image", t.Parameters["image"].CustomConstraint);
            Assert.Equal("nova.flavor", t.Parameters["flavor"].CustomConstraint);
            Assert.Equal("nova.keypair", t.Parameters["key_name"].CustomConstraint);
            Assert.Equal("neutron.network", t.Parameters["public"].CustomConstraint);
            Assert.Equal("los-fake-image", export.ParameterValues["image"]);
            Assert.Equal("m1.small", export.ParameterValues["flavor_m1_small"]);
            Assert.Equal("public", export.ParameterValues["public"]);
            Assert.Equal(HotTemplate.GetParam("public"), ((Dictionary<string, object?>)Props(export, "edge")["external_gateway_info"]!)["network"]);

            var ri = Props(export, "edge_tier-sub");
            Assert.Equal(Ref("edge"), ri["router"]);
            Assert.Equal(Ref("tier-sub"), ri["subnet"]);

            var attachment = Props(export, "app-data_attachment");
            Assert.Equal(Ref("app_server"), attachment["instance_uuid"]);
            Assert.Equal(Ref("app-data"), attachment["volume_id"]);
            Assert.Equal("/dev/vdb", attachment["mountpoint"]);
            Assert.Equal(new List<object?> { "soft-anti-affinity" }, Props(export, "spread")["policies"]);
        }

        [Fact]
        public void Remote_groups_stay_references_and_a_group_naming_itself_leaves_the_id_out()
        {
            var export = StackTemplateGenerator.Generate(ThreeTier());
            var rules = ((List<object?>)Props(export, "app")["rules"]!).Cast<Dictionary<string, object?>>().ToList();

            Assert.Equal("remote_group_id", rules[0]["remote_mode"]);
            Assert.Equal(Ref("web"), rules[0]["remote_group_id"]);
            Assert.Equal(8080, rules[0]["port_range_min"]);
            Assert.Equal("remote_group_id", rules[1]["remote_mode"]);
            Assert.False(rules[1].ContainsKey("remote_group_id"));
            Assert.False(rules[1].ContainsKey("protocol"));
        }

        [Fact]
        public void Depends_on_only_where_Heat_cannot_infer_the_order()
        {
            var export = StackTemplateGenerator.Generate(ThreeTier());
            var withDependsOn = export.Template.Resources.Where(r => r.Value.DependsOn.Count > 0).ToList();

            var association = Assert.Single(withDependsOn);
            Assert.Equal("OS::Neutron::FloatingIPAssociation", association.Value.Type);
            Assert.Equal(new[] { "edge_tier-sub" }, association.Value.DependsOn);
            Assert.Equal(Ref("web-port"), association.Value.Properties["port_id"]);
            Assert.Equal(HotTemplate.GetParam("public"), Props(export, "web-port_fip")["floating_network"]);
        }

        [Fact]
        public void Names_go_through_the_prefix_parameter_and_the_key_pair_can_be_a_resource()
        {
            var export = StackTemplateGenerator.Generate(ThreeTier(), new StackExportOptions { KeyPairsAsResources = true });

            Assert.Equal(HotTemplate.ListJoin("", HotTemplate.GetParam(StackTemplateGenerator.NamePrefixParameter), "web"), Props(export, "web_server")["name"]);
            Assert.Equal("", export.Template.Parameters[StackTemplateGenerator.NamePrefixParameter].Default);
            Assert.Equal("OS::Nova::KeyPair", export.Template.Resources["ops"].Type);
            Assert.Equal("ssh-ed25519 AAAA ops", Props(export, "ops")["public_key"]);
            Assert.Equal(Ref("ops"), Props(export, "web_server")["key_name"]);
            Assert.False(export.Template.Parameters.ContainsKey("key_name"));
        }

        [Fact]
        public void The_yaml_parses_back_to_the_same_template_and_the_adopt_data_names_live_ids()
        {
            var export = StackTemplateGenerator.Generate(ThreeTier());
            var parsed = TemplateFormat.ParseTemplate(export.TemplateYaml(), "x.yaml");

            Assert.Equal("2018-08-31", parsed["heat_template_version"]);
            Assert.Equal(TemplateFormat.ToJson(export.Template.ToPlain()), TemplateFormat.ToJson(parsed).Replace("8080L", "8080"));
            var env = TemplateFormat.ParseEnvironment(export.EnvironmentYaml(), "x.env.yaml");
            Assert.Equal("m1.tiny", ((Dictionary<string, object?>)env["parameters"]!)["flavor"]);

            using var adopt = JsonDocument.Parse(export.AdoptJson());
            var resources = adopt.RootElement.GetProperty("resources");
            Assert.Equal("s-web", resources.GetProperty("web_server").GetProperty("resource_id").GetString());
            Assert.Equal("r1:subnet_id=sub1", resources.GetProperty("edge_tier-sub").GetProperty("resource_id").GetString());
            Assert.Equal("v1", resources.GetProperty("app-data_attachment").GetProperty("resource_id").GetString());
            Assert.Equal("CREATE", adopt.RootElement.GetProperty("action").GetString());
            Assert.True(adopt.RootElement.GetProperty("template").TryGetProperty("resources", out _));
        }

        [Fact]
        public void Selecting_a_server_pulls_in_what_it_depends_on_but_never_the_external_network()
        {
            var project = ThreeTier();
            var selection = new StackExportSelection();
            selection.Servers.Add("s-app");

            var set = StackExportScope.Select(project, selection, Project);

            Assert.Equal(new[] { "s-app" }, set.Servers.Select(s => s.Id));
            Assert.Equal(new[] { "papp", "pri" }, set.Ports.Select(p => p.Id).OrderBy(x => x));
            Assert.Equal(new[] { "net1" }, set.Networks.Select(n => n.Id));
            Assert.Equal(new[] { "sub1" }, set.Subnets.Select(n => n.Id));
            Assert.Equal(new[] { "r1" }, set.Routers.Select(n => n.Id));
            // app allows web by remote group: the web group comes along so the reference stays a get_resource
            Assert.Equal(new[] { "sgapp", "sgweb" }, set.SecurityGroups.Select(g => g.Id).OrderBy(x => x));
            Assert.Equal(new[] { "v1" }, set.Volumes.Select(v => v.Id));
            Assert.Equal(new[] { "sg1" }, set.ServerGroups.Select(g => g.Id));
            Assert.Empty(set.FloatingIPs);
            Assert.Equal("public", set.OutsideNetworks["pub"]);
        }

        [Fact]
        public void All_takes_everything_the_project_owns_and_the_default_group_is_named_not_made()
        {
            var project = ThreeTier();
            project.SecurityGroups.Add(Read(SecurityGroup.Definition, "{'id':'sgdef','name':'default','project_id':'p1','security_group_rules':[]}"));
            project.Ports.Add(Read(Port.Definition, "{'id':'pdhcp','network_id':'net1','device_id':'dhcp1','device_owner':'network:dhcp','fixed_ips':[]}"));
            project.Ports.Add(Read(Port.Definition, "{'id':'pfree','name':'spare','network_id':'net1','fixed_ips':[{'subnet_id':'sub1','ip_address':'10.9.0.99'}],'security_groups':['sgdef']}"));

            var set = StackExportScope.Select(project, new StackExportSelection { All = true }, Project);
            var export = StackTemplateGenerator.Generate(set);

            Assert.Equal(2, set.Servers.Count);
            Assert.Equal(new[] { "net1" }, set.Networks.Select(n => n.Id));
            Assert.DoesNotContain(set.Ports, p => p.Id == "pdhcp");
            Assert.Single(set.FloatingIPs);
            Assert.Equal(new List<object?> { "default" }, Props(export, "spare")["security_groups"]);
            Assert.DoesNotContain(export.Template.Resources.Values, r => r.Properties.TryGetValue("name", out var n) && TemplateFormat.ToJson(n).Contains("\"default\""));
        }

        [Fact]
        public void User_data_is_decoded_from_what_Nova_shows_admins_and_a_subnet_without_gateway_keeps_a_null()
        {
            var server = Read(Server.Definition, "{'id':'s1','name':'u','OS-EXT-SRV-ATTR:user_data':'I2Nsb3VkLWNvbmZpZwo='}");
            Assert.Equal("#cloud-config\n", StackExportCollector.UserData(server));
            Assert.Null(StackExportCollector.UserData(Read(Server.Definition, "{'id':'s2','name':'v'}")));

            var set = new StackExportSet();
            set.Networks.Add(Read(Networking.Network.Definition, "{'id':'n','name':'iso'}"));
            set.Subnets.Add(Read(Subnet.Definition, "{'id':'s','name':'iso-sub','network_id':'n','cidr':'10.8.0.0/24','gateway_ip':null}"));
            var parsed = TemplateFormat.ParseTemplate(StackTemplateGenerator.Generate(set).TemplateYaml(), "x.yaml");
            var subnet = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)parsed["resources"]!)["iso-sub"]!)["properties"]!;
            Assert.True(subnet.ContainsKey("gateway_ip"));
            Assert.Null(subnet["gateway_ip"]);
        }

        [Fact]
        public void A_server_booted_from_a_volume_gets_a_block_device_mapping_and_the_volume_its_image()
        {
            var set = new StackExportSet();
            set.Servers.Add(Read(Server.Definition, "{'id':'s1','name':'bfv','image':'','flavor':{'original_name':'m1.tiny'}}"));
            set.Volumes.Add(Read(Volume.Definition, "{'id':'root','name':'bfv-root','size':1,'bootable':'true','volume_image_metadata':{'image_id':'img1'}," +
                "'attachments':[{'server_id':'s1','device':'/dev/vda'}]}"));
            set.ImageNames["img1"] = "los-fake-image";

            var export = StackTemplateGenerator.Generate(set);

            var mapping = (Dictionary<string, object?>)((List<object?>)Props(export, "bfv")["block_device_mapping_v2"]!)[0]!;
            Assert.Equal(0, mapping["boot_index"]);
            Assert.Equal(Ref("bfv-root"), mapping["volume_id"]);
            Assert.False(Props(export, "bfv").ContainsKey("image"));
            Assert.Equal(HotTemplate.GetParam("image"), Props(export, "bfv-root")["image"]);
            Assert.DoesNotContain(export.Template.Resources.Values, r => r.Type == "OS::Cinder::VolumeAttachment");
        }
    }
}
