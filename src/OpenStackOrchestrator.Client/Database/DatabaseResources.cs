using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Database
{
    /// <summary>A Trove datastore (a database engine, "mysql") with the versions instances can be created with.</summary>
    [TableView("Name", "DefaultVersionName", "Versions", "Id")]
    public sealed class DatabaseDatastore : OSResource
    {
        public static readonly ResourceDefinition<DatabaseDatastore> Definition = new ResourceDefinition<DatabaseDatastore>
        {
            Kind = "datastore",
            ServiceType = ServiceTypes.Database,
            Path = "/datastores",
            Key = "datastore",
            CollectionKey = "datastores",
            Paging = PagingStyle.None,
            NameFilter = null,
            Json = DatabaseJson.Default.DatabaseDatastore,
            TypeName = "OpenStackOrchestrator.DatabaseDatastore",
        };

        /// <summary>The active versions (Trove lists only those to non-admins).</summary>
        [JsonPropertyName("versions")]
        public IReadOnlyList<DatastoreVersion> Versions { get; init => field = value ?? Array.Empty<DatastoreVersion>(); } = Array.Empty<DatastoreVersion>();
        /// <summary>The id of the version an instance gets when none is given.</summary>
        [JsonPropertyName("default_version")]
        public string? DefaultVersionId { get; init; }

        [JsonIgnore]
        [DerivedFrom("versions", "default_version")]
        public string? DefaultVersionName => Versions.FirstOrDefault(v => v.Id == DefaultVersionId)?.Name;
    }

    /// <summary>A version of a datastore ("8.0").</summary>
    public sealed class DatastoreVersion
    {
        [JsonPropertyName("id")]
        public string Id { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("name")]
        public string Name { get; init => field = value ?? ""; } = "";
        /// <summary>The version number (Trove 14 and later; else the name).</summary>
        [JsonPropertyName("version")]
        public string? Version { get; init; }

        public override string ToString() => Name;
    }

    /// <summary>A Trove database instance: a Nova server with a Cinder volume that a guest agent runs the datastore on.</summary>
    [TableView("Name", "Status", "Datastore", "DatastoreVersion", "FlavorId", "SizeGB", "Id")]
    public sealed class DatabaseInstance : OSResource
    {
        public static readonly ResourceDefinition<DatabaseInstance> Definition = new ResourceDefinition<DatabaseInstance>
        {
            Kind = "database instance",
            ServiceType = ServiceTypes.Database,
            Path = "/instances",
            Key = "instance",
            CollectionKey = "instances",
            Paging = PagingStyle.Links,
            NameFilter = null,
            Json = DatabaseJson.Default.DatabaseInstance,
            TypeName = "OpenStackOrchestrator.DatabaseInstance",
        };

        /// <summary>BUILD, ACTIVE, REBOOT, RESIZE, BACKUP, SHUTDOWN, ERROR, FAILED...: BUILD until the guest agent reports.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? "UNKNOWN"; } = "UNKNOWN";
        /// <summary>The datastore's own state as the guest agent reports it (HEALTHY...; empty before it first reports).</summary>
        [JsonPropertyName("operating_status")]
        public string? OperatingStatus { get; init; }
        [JsonPropertyName("flavor")]
        [JsonInclude]
        internal IdRef? FlavorRef { get; init; }
        [JsonIgnore]
        [DerivedFrom("flavor")]
        public string? FlavorId => FlavorRef?.Id;
        [JsonPropertyName("datastore")]
        [JsonInclude]
        internal DatastoreRef? DatastoreRef { get; init; }
        [JsonIgnore]
        [DerivedFrom("datastore")]
        public string? Datastore => DatastoreRef?.Type;
        [JsonIgnore]
        [DerivedFrom("datastore")]
        public string? DatastoreVersion => DatastoreRef?.Version;
        [JsonPropertyName("volume")]
        [JsonInclude]
        internal VolumeRef? Volume { get; init; }
        [JsonIgnore]
        [DerivedFrom("volume")]
        public int? SizeGB => Volume?.Size;
        [JsonPropertyName("region")]
        public string? Region { get; init; }
        [JsonPropertyName("configuration")]
        [JsonInclude]
        internal IdRef? ConfigurationRef { get; init; }
        /// <summary>The configuration group attached to it.</summary>
        [JsonIgnore]
        [DerivedFrom("configuration")]
        public string? ConfigurationId => ConfigurationRef?.Id;
        [JsonPropertyName("fault")]
        [JsonInclude]
        internal FaultRef? FaultRef { get; init; }
        /// <summary>The last failure Trove recorded on it (a refused delete, a failed build...).</summary>
        [JsonIgnore]
        [DerivedFrom("fault")]
        public string? Fault => FaultRef?.Message;
        [JsonPropertyName("created")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated")]
        public DateTime? Updated { get; init; }
    }

    /// <summary>A Trove configuration group: datastore parameters (max_connections...) for instances it is attached to.</summary>
    [TableView("Name", "Datastore", "DatastoreVersion", "Values.Count", "InstanceCount", "Id")]
    public sealed class DatabaseConfiguration : OSResource
    {
        public static readonly ResourceDefinition<DatabaseConfiguration> Definition = new ResourceDefinition<DatabaseConfiguration>
        {
            Kind = "database configuration",
            ServiceType = ServiceTypes.Database,
            Path = "/configurations",
            Key = "configuration",
            CollectionKey = "configurations",
            Paging = PagingStyle.Links,
            NameFilter = null,
            Json = DatabaseJson.Default.DatabaseConfiguration,
            TypeName = "OpenStackOrchestrator.DatabaseConfiguration",
        };

        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("datastore_name")]
        public string? Datastore { get; init; }
        [JsonPropertyName("datastore_version_name")]
        public string? DatastoreVersion { get; init; }
        [JsonPropertyName("datastore_version_id")]
        public string? DatastoreVersionId { get; init; }
        [JsonPropertyName("instance_count")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int InstanceCount { get; init; }
        [JsonPropertyName("values")]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? RawValues { get; init; }
        /// <summary>The parameters and their values (numbers stay numbers). Lists leave them out: only Get by name or id has them.</summary>
        [JsonIgnore]
        [DerivedFrom("values")]
        public IDictionary<string, object?> Values => (RawValues ?? new Dictionary<string, JsonElement>())
            .ToDictionary(p => p.Key, p => JsonPlain.ToPlain(p.Value), StringComparer.OrdinalIgnoreCase);
        [JsonPropertyName("created")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated")]
        public DateTime? Updated { get; init; }
    }

    /// <summary>A Trove backup of an instance's data (taken by its guest agent, stored in Swift).</summary>
    [TableView("Name", "Status", "InstanceId", "SizeGB", "Created", "Id")]
    public sealed class DatabaseBackup : OSResource
    {
        public static readonly ResourceDefinition<DatabaseBackup> Definition = new ResourceDefinition<DatabaseBackup>
        {
            Kind = "database backup",
            ServiceType = ServiceTypes.Database,
            Path = "/backups",
            Key = "backup",
            CollectionKey = "backups",
            Paging = PagingStyle.Links,
            NameFilter = null,
            Json = DatabaseJson.Default.DatabaseBackup,
            TypeName = "OpenStackOrchestrator.DatabaseBackup",
            Filters = new Dictionary<string, string> { ["InstanceId"] = "instance_id" },
            ParentFilters = new Dictionary<Type, string> { [typeof(DatabaseInstance)] = "InstanceId" },
        };

        /// <summary>NEW, BUILDING, SAVING, COMPLETED, FAILED, DELETE_FAILED.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? "UNKNOWN"; } = "UNKNOWN";
        [JsonPropertyName("instance_id")]
        public string? InstanceId { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>GB, a fraction.</summary>
        [JsonPropertyName("size")]
        public double? SizeGB { get; init; }
        [JsonPropertyName("parent_id")]
        public string? ParentId { get; init; }
        [JsonPropertyName("locationRef")]
        public string? Location { get; init; }
        [JsonPropertyName("created")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated")]
        public DateTime? Updated { get; init; }
    }

    /// <summary>A database (schema) inside an instance, as its guest agent lists it.</summary>
    [TableView("Name", "CharacterSet", "Collation", "InstanceId")]
    public sealed class DatabaseSchema : OSResource
    {
        [JsonPropertyName("character_set")]
        public string? CharacterSet { get; init; }
        [JsonPropertyName("collate")]
        public string? Collation { get; init; }
        [JsonIgnore]
        public string InstanceId { get; internal set; } = "";
    }

    /// <summary>A database user inside an instance, as its guest agent lists it.</summary>
    [TableView("Name", "Host", "Databases", "InstanceId")]
    public sealed class DatabaseUser : OSResource
    {
        [JsonPropertyName("host")]
        public string? Host { get; init; }
        [JsonPropertyName("databases")]
        [JsonInclude]
        internal List<NameRef>? DatabaseRefs { get; init; }
        [JsonIgnore]
        public IReadOnlyList<string> Databases => (DatabaseRefs ?? new List<NameRef>()).Select(d => d.Name ?? "").ToList();
        [JsonIgnore]
        public string InstanceId { get; internal set; } = "";
    }

    internal sealed class IdRef
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }
    }

    internal sealed class NameRef
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
    }

    internal sealed class DatastoreRef
    {
        [JsonPropertyName("type")]
        public string? Type { get; init; }
        [JsonPropertyName("version")]
        public string? Version { get; init; }
    }

    internal sealed class VolumeRef
    {
        [JsonPropertyName("size")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int Size { get; init; }
    }

    internal sealed class FaultRef
    {
        [JsonPropertyName("message")]
        public string? Message { get; init; }
    }

    /// <summary>The source-generated JSON of Trove's resources.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(DatabaseDatastore))]
    [JsonSerializable(typeof(DatabaseInstance))]
    [JsonSerializable(typeof(DatabaseConfiguration))]
    [JsonSerializable(typeof(DatabaseBackup))]
    [JsonSerializable(typeof(DatabaseSchema))]
    [JsonSerializable(typeof(DatabaseUser))]
    internal sealed partial class DatabaseJson : JsonSerializerContext
    {
    }
}
