using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Database
{
    /// <summary>What POST /instances takes.</summary>
    public sealed class DatabaseInstanceRequest
    {
        public string Name { get; set; } = "";
        public string FlavorId { get; set; } = "";
        public int SizeGB { get; set; }
        public string? Datastore { get; set; }
        public string? DatastoreVersion { get; set; }
        public IReadOnlyList<string> NetworkIds { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Databases { get; set; } = Array.Empty<string>();
        /// <summary>Initial users (name, password), each given every initial database.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Users { get; set; } = Array.Empty<KeyValuePair<string, string>>();
        public string? ConfigurationId { get; set; }
        public string? AvailabilityZone { get; set; }
    }

    /// <summary>Trove (service type "database"): instances and what runs inside them. Calls its guest agent answers
    /// (databases, users, restart, backups) are refused by Trove with 422 while the instance is not ACTIVE: that is a
    /// <see cref="DatabaseInstanceNotReadyException"/> here.</summary>
    public static class TroveClient
    {
        /// <summary>Seconds between two reads of an instance being waited for.</summary>
        public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

        public static async Task<DatabaseInstance> CreateInstanceAsync(CloudConnection cloud, DatabaseInstanceRequest request, CancellationToken cancellationToken)
        {
            var body = Body(w =>
            {
                w.WritePropertyName("instance");
                w.WriteStartObject();
                w.WriteString("name", request.Name);
                w.WriteString("flavorRef", request.FlavorId);
                w.WritePropertyName("volume");
                w.WriteStartObject();
                w.WriteNumber("size", request.SizeGB);
                w.WriteEndObject();
                if (request.Datastore != null || request.DatastoreVersion != null)
                {
                    w.WritePropertyName("datastore");
                    w.WriteStartObject();
                    if (request.Datastore != null) w.WriteString("type", request.Datastore);
                    if (request.DatastoreVersion != null) w.WriteString("version", request.DatastoreVersion);
                    w.WriteEndObject();
                }
                if (request.NetworkIds.Count > 0)
                {
                    w.WritePropertyName("nics");
                    w.WriteStartArray();
                    foreach (var id in request.NetworkIds)
                    {
                        w.WriteStartObject();
                        w.WriteString("net-id", id);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                if (request.Databases.Count > 0)
                {
                    w.WritePropertyName("databases");
                    WriteNames(w, request.Databases);
                }
                if (request.Users.Count > 0)
                {
                    w.WritePropertyName("users");
                    w.WriteStartArray();
                    foreach (var user in request.Users)
                        WriteUser(w, user.Key, user.Value, request.Databases);
                    w.WriteEndArray();
                }
                if (request.ConfigurationId != null) w.WriteString("configuration", request.ConfigurationId);
                if (request.AvailabilityZone != null) w.WriteString("availability_zone", request.AvailabilityZone);
                w.WriteEndObject();
            });
            var response = await cloud.SendCreateAsync(DatabaseInstance.Definition, new ServiceRequest(HttpMethod.Post, ServiceTypes.Database, DatabaseInstance.Definition.Path) { JsonBody = body },
                cancellationToken).ConfigureAwait(false);
            return cloud.ReadResource(DatabaseInstance.Definition, response.Json().Obj("instance"), response);
        }

        /// <summary>Reads the instance every <see cref="PollInterval"/> until it is ACTIVE. ERROR or FAILED fails with
        /// Trove's fault; still not ACTIVE after <paramref name="timeout"/> is a <see cref="DatabaseInstanceTimeoutException"/>
        /// naming the instance and its status (a cloud whose guest agent never starts keeps it in BUILD).</summary>
        public static async Task<DatabaseInstance> WaitForInstanceActiveAsync(CloudConnection cloud, string id, TimeSpan timeout, Action<DatabaseInstance>? progress,
            CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var instance = await cloud.GetResourceAsync(DatabaseInstance.Definition, id, cancellationToken).ConfigureAwait(false);
                progress?.Invoke(instance);
                if (string.Equals(instance.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
                    return instance;
                if (string.Equals(instance.Status, "ERROR", StringComparison.OrdinalIgnoreCase) || string.Equals(instance.Status, "FAILED", StringComparison.OrdinalIgnoreCase))
                    throw new DatabaseInstanceFailedException(instance);
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                    throw new DatabaseInstanceTimeoutException(instance, timeout);
                await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>DELETE; with <paramref name="force"/>, first the owner's reset_status with force_delete (Trove refuses
        /// to delete an instance in BUILD).</summary>
        public static async Task DeleteInstanceAsync(CloudConnection cloud, string id, bool force, CancellationToken cancellationToken)
        {
            if (force)
                await ActionAsync(cloud, id, Body(w => { w.WritePropertyName("reset_status"); w.WriteStartObject(); w.WriteBoolean("force_delete", true); w.WriteEndObject(); }),
                    cancellationToken).ConfigureAwait(false);
            await GuestAsync(cloud, id, HttpMethod.Delete, DatabaseInstance.Definition.Path + "/" + Uri.EscapeDataString(id), null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Restarts the datastore inside the instance (its guest agent does it).</summary>
        public static Task RestartInstanceAsync(CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            ActionAsync(cloud, id, Body(w => { w.WritePropertyName("restart"); w.WriteStartObject(); w.WriteEndObject(); }), cancellationToken);

        public static async Task<IReadOnlyList<DatabaseSchema>> ListDatabasesAsync(CloudConnection cloud, string instanceId, CancellationToken cancellationToken)
        {
            var response = await GuestAsync(cloud, instanceId, HttpMethod.Get, InstancePath(instanceId, "databases"), null, cancellationToken).ConfigureAwait(false);
            return Items(response, "databases", DatabaseJson.Default.DatabaseSchema).Select(d => { d.Cloud = cloud; d.InstanceId = instanceId; return d; }).ToList();
        }

        public static Task CreateDatabaseAsync(CloudConnection cloud, string instanceId, string name, string? characterSet, string? collation, CancellationToken cancellationToken) =>
            GuestAsync(cloud, instanceId, HttpMethod.Post, InstancePath(instanceId, "databases"), Body(w =>
            {
                w.WritePropertyName("databases");
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("name", name);
                if (characterSet != null) w.WriteString("character_set", characterSet);
                if (collation != null) w.WriteString("collate", collation);
                w.WriteEndObject();
                w.WriteEndArray();
            }), cancellationToken);

        public static Task DeleteDatabaseAsync(CloudConnection cloud, string instanceId, string name, CancellationToken cancellationToken) =>
            GuestAsync(cloud, instanceId, HttpMethod.Delete, InstancePath(instanceId, "databases/" + Uri.EscapeDataString(name)), null, cancellationToken);

        public static async Task<IReadOnlyList<DatabaseUser>> ListUsersAsync(CloudConnection cloud, string instanceId, CancellationToken cancellationToken)
        {
            var response = await GuestAsync(cloud, instanceId, HttpMethod.Get, InstancePath(instanceId, "users"), null, cancellationToken).ConfigureAwait(false);
            return Items(response, "users", DatabaseJson.Default.DatabaseUser).Select(u => { u.Cloud = cloud; u.InstanceId = instanceId; return u; }).ToList();
        }

        public static Task CreateUserAsync(CloudConnection cloud, string instanceId, string name, string password, string? host, IReadOnlyList<string> databases,
            CancellationToken cancellationToken) =>
            GuestAsync(cloud, instanceId, HttpMethod.Post, InstancePath(instanceId, "users"), Body(w =>
            {
                w.WritePropertyName("users");
                w.WriteStartArray();
                WriteUser(w, name, password, databases, host);
                w.WriteEndArray();
            }), cancellationToken);

        /// <summary>A user is named name@host in the path when it has a host other than "%".</summary>
        public static Task DeleteUserAsync(CloudConnection cloud, string instanceId, string name, string? host, CancellationToken cancellationToken) =>
            GuestAsync(cloud, instanceId, HttpMethod.Delete,
                InstancePath(instanceId, "users/" + Uri.EscapeDataString(host == null || host == "%" ? name : name + "@" + host)), null, cancellationToken);

        public static async Task<DatabaseBackup> CreateBackupAsync(CloudConnection cloud, string instanceId, string name, string? description, bool incremental,
            CancellationToken cancellationToken)
        {
            var response = await GuestAsync(cloud, instanceId, HttpMethod.Post, DatabaseBackup.Definition.Path, Body(w =>
            {
                w.WritePropertyName("backup");
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("instance", instanceId);
                if (description != null) w.WriteString("description", description);
                if (incremental) w.WriteBoolean("incremental", true);
                w.WriteEndObject();
            }), cancellationToken).ConfigureAwait(false);
            return cloud.ReadResource(DatabaseBackup.Definition, response.Json().Obj("backup"), response);
        }

        /// <summary>A configuration group of the datastore version with these parameter values (Trove checks them
        /// against the version's parameter rules).</summary>
        public static async Task<DatabaseConfiguration> CreateConfigurationAsync(CloudConnection cloud, string name, string? description, string? datastore,
            string? datastoreVersion, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
        {
            var body = Body(w =>
            {
                w.WritePropertyName("configuration");
                w.WriteStartObject();
                w.WriteString("name", name);
                if (description != null) w.WriteString("description", description);
                w.WritePropertyName("values");
                w.WriteStartObject();
                foreach (var pair in values)
                {
                    w.WritePropertyName(pair.Key);
                    WriteValue(w, pair.Value);
                }
                w.WriteEndObject();
                if (datastore != null || datastoreVersion != null)
                {
                    w.WritePropertyName("datastore");
                    w.WriteStartObject();
                    if (datastore != null) w.WriteString("type", datastore);
                    if (datastoreVersion != null) w.WriteString("version", datastoreVersion);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            });
            var response = await SendAsync(cloud, HttpMethod.Post, DatabaseConfiguration.Definition.Path, body, cancellationToken).ConfigureAwait(false);
            return cloud.ReadResource(DatabaseConfiguration.Definition, response.Json().Obj("configuration"), response);
        }

        private static void WriteValue(Utf8JsonWriter w, object? value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case bool b: w.WriteBooleanValue(b); break;
                case int i: w.WriteNumberValue(i); break;
                case long l: w.WriteNumberValue(l); break;
                case double d: w.WriteNumberValue(d); break;
                case decimal m: w.WriteNumberValue(m); break;
                default: w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }

        private static Task ActionAsync(CloudConnection cloud, string id, string body, CancellationToken cancellationToken) =>
            GuestAsync(cloud, id, HttpMethod.Post, InstancePath(id, "action"), body, cancellationToken);

        private static string InstancePath(string id, string rest) => DatabaseInstance.Definition.Path + "/" + Uri.EscapeDataString(id) + "/" + rest;

        /// <summary>A call on an instance: Trove's 422 (the instance is not ready for it) becomes DatabaseInstanceNotReady.</summary>
        private static async Task<ServiceResponse> GuestAsync(CloudConnection cloud, string instanceId, HttpMethod method, string path, string? body,
            CancellationToken cancellationToken)
        {
            try
            {
                return await SendAsync(cloud, method, path, body, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackException ex) when (ex.StatusCode == 422)
            {
                throw new DatabaseInstanceNotReadyException(instanceId, ex);
            }
        }

        private static Task<ServiceResponse> SendAsync(CloudConnection cloud, HttpMethod method, string path, string? body, CancellationToken cancellationToken) =>
            cloud.SendAsync(new ServiceRequest(method, ServiceTypes.Database, path) { JsonBody = body }, cancellationToken);

        private static List<T> Items<T>(ServiceResponse response, string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> json)
        {
            var root = response.Json();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var items) || items.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException($"The response from {response.Url} has no '{key}' list.")
                { Service = ServiceTypes.Database, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return items.EnumerateArray().Select(e => e.Deserialize(json)!).ToList();
        }

        private static void WriteNames(Utf8JsonWriter w, IEnumerable<string> names)
        {
            w.WriteStartArray();
            foreach (var name in names)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void WriteUser(Utf8JsonWriter w, string name, string password, IReadOnlyList<string> databases, string? host = null)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("password", password);
            if (host != null) w.WriteString("host", host);
            if (databases.Count > 0)
            {
                w.WritePropertyName("databases");
                WriteNames(w, databases);
            }
            w.WriteEndObject();
        }

        private static string Body(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>Trove refused a call on an instance that is not ready for it (HTTP 422): guest-agent calls (databases,
    /// users, backups, restart) and deletes need an ACTIVE instance, and an instance whose guest agent never reports stays BUILD.</summary>
    public sealed class DatabaseInstanceNotReadyException : OpenStackException
    {
        public DatabaseInstanceNotReadyException(string instanceId, OpenStackException cause)
            : base($"Database instance {instanceId} is not ready for this: {cause.ServiceMessage ?? cause.Message} " +
                   "(databases, users, backups and restarts need an ACTIVE instance, whose guest agent is running)" +
                   (cause.RequestId != null ? $" (request id {cause.RequestId})" : "") + ".", cause)
        {
            InstanceId = instanceId;
            Service = cause.Service;
            Method = cause.Method;
            Url = cause.Url;
            StatusCode = cause.StatusCode;
            RequestId = cause.RequestId;
            ServiceMessage = cause.ServiceMessage;
        }

        public string InstanceId { get; }
        public override string ErrorId => "DatabaseInstanceNotReady";
    }

    /// <summary>The instance did not become ACTIVE in time; it keeps going (Trove goes on building it).</summary>
    public sealed class DatabaseInstanceTimeoutException : OpenStackException
    {
        public DatabaseInstanceTimeoutException(DatabaseInstance instance, TimeSpan timeout)
            : base($"Database instance '{instance.Name}' ({instance.Id}) was still {instance.Status} after {timeout.TotalSeconds:0.#} s" +
                   (string.Equals(instance.Status, "BUILD", StringComparison.OrdinalIgnoreCase) ? ": its guest agent has not reported (it never does on a cloud without one)." : "."))
        {
            Instance = instance;
            Status = instance.Status;
            Service = ServiceTypes.Database;
        }

        public DatabaseInstance Instance { get; }
        public string Status { get; }
        public override string ErrorId => "DatabaseInstanceTimeout";
    }

    /// <summary>The instance went to ERROR or FAILED while it was waited for.</summary>
    public sealed class DatabaseInstanceFailedException : OpenStackException
    {
        public DatabaseInstanceFailedException(DatabaseInstance instance)
            : base($"Database instance '{instance.Name}' ({instance.Id}) is {instance.Status}" + (instance.Fault != null ? ": " + instance.Fault : "."))
        {
            Instance = instance;
            Service = ServiceTypes.Database;
            ServiceMessage = instance.Fault;
        }

        public DatabaseInstance Instance { get; }
        public override string ErrorId => "DatabaseInstanceFailed";
    }
}
