using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Sends a request's path exactly as the client wrote it when it holds an escaped dot ("%2E"). System.Uri
    /// unescapes "%2E" and then resolves "." and ".." segments, so the Swift object "../b/x" of container "a"
    /// (/a/%2E%2E/b/x) would otherwise go out as /b/x: another container's object. Needs .NET 6 or later
    /// (UriCreationOptions.DangerousDisablePathAndQueryCanonicalization, found by reflection: this assembly targets
    /// netstandard2.0); without it <see cref="Supported"/> is false and such names are refused before sending.</summary>
    internal sealed class LiteralPathHandler : DelegatingHandler
    {
        private static readonly Func<string, Uri>? CreateLiteral = FindLiteralConstructor();

        public LiteralPathHandler(HttpMessageHandler inner) : base(inner) { }

        /// <summary>Whether this runtime can send a path without canonicalising it.</summary>
        public static bool Supported => CreateLiteral != null;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri != null)
                request.RequestUri = Preserve(request.RequestUri);
            return base.SendAsync(request, cancellationToken);
        }

        /// <summary>The URI to send: <paramref name="uri"/>'s original text uncanonicalised when it holds "%2E".</summary>
        internal static Uri Preserve(Uri uri)
        {
            if (CreateLiteral == null || !uri.IsAbsoluteUri || uri.OriginalString.IndexOf("%2E", StringComparison.OrdinalIgnoreCase) < 0)
                return uri;
            return CreateLiteral(uri.OriginalString);
        }

        private static Func<string, Uri>? FindLiteralConstructor()
        {
            var optionsType = typeof(Uri).Assembly.GetType("System.UriCreationOptions");
            var option = optionsType?.GetProperty("DangerousDisablePathAndQueryCanonicalization");
            var constructor = optionsType == null ? null : typeof(Uri).GetConstructor(new[] { typeof(string), optionsType.MakeByRefType() });
            if (optionsType == null || option == null || constructor == null)
                return null;
            var options = Activator.CreateInstance(optionsType)!;
            option.SetValue(options, true);
            return text =>
            {
                try
                {
                    return (Uri)constructor.Invoke(new[] { text, options });
                }
                catch (TargetInvocationException ex) when (ex.InnerException != null)
                {
                    throw ex.InnerException;
                }
            };
        }
    }
}
