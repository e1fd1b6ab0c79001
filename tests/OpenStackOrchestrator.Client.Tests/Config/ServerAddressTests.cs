using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Config
{
    public class ServerAddressTests
    {
        [Theory]
        [InlineData("keystone.example.com", "https://keystone.example.com:5000/v3")]
        [InlineData("10.0.0.5:443", "https://10.0.0.5/v3")]
        [InlineData("10.0.0.5:8443", "https://10.0.0.5:8443/v3")]
        [InlineData("cloud.example.com:443/identity", "https://cloud.example.com/identity/v3")]
        [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/v3")]
        [InlineData("http://127.0.0.1:5000/v3/", "http://127.0.0.1:5000/v3")]
        [InlineData("https://cloud.example.com/identity", "https://cloud.example.com/identity/v3")]
        [InlineData("localhost", "https://localhost:5000/v3")]
        [InlineData("[::1]", "https://[::1]:5000/v3")]
        public void A_host_gets_https_Keystone_s_port_and_v3_and_a_given_scheme_port_or_path_is_kept(string server, string authUrl)
        {
            Assert.True(ServerAddress.LooksLikeAddress(server));
            Assert.Equal(authUrl, ServerAddress.ToAuthUrl(server));
        }

        [Theory]
        [InlineData("los-demo")]
        [InlineData("production")]
        public void A_plain_word_is_a_cloud_name(string server) => Assert.False(ServerAddress.LooksLikeAddress(server));

        [Theory]
        [InlineData("ftp://host.example.com")]
        [InlineData("https://host.example.com/?x=1")]
        public void What_is_not_a_host_or_http_url_is_refused(string server) =>
            Assert.Throws<CloudConfigurationException>(() => ServerAddress.ToAuthUrl(server));

        [Theory]
        [InlineData("https://admin:s3cret@host.example.com")]
        [InlineData("admin:s3cret@host.example.com:5000")]
        public void A_url_with_a_password_is_refused_without_repeating_it(string server)
        {
            var ex = Assert.Throws<CloudConfigurationException>(() => ServerAddress.ToAuthUrl(server));
            Assert.DoesNotContain("s3cret", ex.Message);
            Assert.Contains("-User and -Password", ex.Message);
        }
    }
}
