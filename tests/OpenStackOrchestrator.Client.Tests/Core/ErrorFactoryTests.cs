using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using OpenStackOrchestrator.Client.Errors;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>A script tells failures apart by the ErrorRecord id: each status has an exception of its own, and no
    /// exception falls back to a generic id.</summary>
    public class ErrorFactoryTests
    {
        private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

        public static TheoryData<int, Type, string> Statuses => new TheoryData<int, Type, string>
        {
            { 400, typeof(BadRequestException), "BadRequest" },
            { 401, typeof(AuthenticationFailedException), "AuthenticationFailed" },
            { 403, typeof(PermissionDeniedException), "PermissionDenied" },
            { 404, typeof(ResourceNotFoundException), "ResourceNotFound" },
            { 405, typeof(RequestRejectedException), "RequestRejected" },
            { 409, typeof(ConflictException), "Conflict" },
            { 413, typeof(OverLimitException), "OverLimit" },
            { 415, typeof(RequestRejectedException), "RequestRejected" },
            { 422, typeof(RequestRejectedException), "RequestRejected" },
            { 429, typeof(OverLimitException), "OverLimit" },
            { 500, typeof(ServiceErrorException), "ServiceError" },
            { 501, typeof(ServiceErrorException), "ServiceError" },
            { 502, typeof(ServiceUnavailableException), "ServiceUnavailable" },
            { 503, typeof(ServiceUnavailableException), "ServiceUnavailable" },
            { 504, typeof(ServiceUnavailableException), "ServiceUnavailable" },
            { 302, typeof(RedirectNotFollowedException), "RedirectNotFollowed" },
            { 199, typeof(InvalidResponseException), "InvalidResponse" },
        };

        [Theory]
        [MemberData(nameof(Statuses))]
        public void Each_status_becomes_the_exception_that_names_it(int status, Type expected, string errorId)
        {
            var ex = OpenStackErrorFactory.FromResponse("compute", "GET", "http://127.0.0.1:8774/v2.1/servers", status, NoHeaders, "");

            Assert.IsType(expected, ex);
            Assert.Equal(errorId, ex.ErrorId);
            Assert.Equal(status, ex.StatusCode);
        }

        [Fact]
        public void A_500_is_a_service_error_with_the_services_own_message_and_request_id()
        {
            var headers = new Dictionary<string, string> { ["x-openstack-request-id"] = "req-0123" };
            var body = "{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API Error. Please report this.\"}}";

            var ex = OpenStackErrorFactory.FromResponse("compute", "POST", "http://127.0.0.1:8774/v2.1/servers", 500, headers, body);

            var error = Assert.IsType<ServiceErrorException>(ex);
            Assert.Equal("Unexpected API Error. Please report this.", error.ServiceMessage);
            Assert.Equal("req-0123", error.RequestId);
            Assert.Contains("HTTP 500", error.Message);
            Assert.Contains("Unexpected API Error", error.Message);
        }

        public static IEnumerable<object[]> ExceptionTypes =>
            typeof(OpenStackException).Assembly.GetTypes()
                .Where(t => typeof(OpenStackException).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => new object[] { t });

        [Fact]
        public void The_base_exception_cannot_be_thrown_itself()
        {
            Assert.True(typeof(OpenStackException).IsAbstract);
            Assert.True(ExceptionTypes.Count() >= 40);
        }

        [Theory]
        [MemberData(nameof(ExceptionTypes))]
        public void Every_exception_has_an_id_of_its_own(Type type)
        {
            var id = ((OpenStackException)RuntimeHelpers.GetUninitializedObject(type)).ErrorId;

            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.NotEqual("OpenStackRequestFailed", id);
            var others = ExceptionTypes.Select(t => (Type)t[0]).Where(t => t != type)
                .Where(t => ((OpenStackException)RuntimeHelpers.GetUninitializedObject(t)).ErrorId == id).Select(t => t.Name);
            Assert.Empty(others);
        }
    }
}
