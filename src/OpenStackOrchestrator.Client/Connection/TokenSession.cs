using System;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Connection
{
    /// <summary>The token of one connection: obtained on connect, renewed before it expires (one renewal at a time
    /// however many callers find it stale), and revoked on disconnect.</summary>
    internal sealed class TokenSession : IDisposable
    {
        private readonly CloudConfig _config;
        private readonly KeystoneAuthenticator _authenticator;
        private readonly SemaphoreSlim _authLock = new SemaphoreSlim(1, 1);
        private Token? _token;
        private bool _closed;

        public TokenSession(HttpTransport transport, CloudConfig config)
        {
            _config = config;
            _authenticator = new KeystoneAuthenticator(transport, config);
        }

        public string IdentityUrl => _authenticator.IdentityUrl;

        /// <summary>The token in use, or null before connect and after disconnect.</summary>
        public Token? Current => _token;

        public bool IsOpen => _token != null && !_closed;

        /// <summary>How many tokens this session obtained (1 after connect; more after renewals).</summary>
        public int AuthenticationCount { get; private set; }

        /// <summary>False for auth_type token: the token was given, so there is nothing to authenticate with again.</summary>
        public bool CanRenew => _config.NormalizedAuthType != "token";

        /// <summary>The current token, renewed first when it is about to expire.</summary>
        public async Task<Token> GetAsync(CancellationToken cancellationToken)
        {
            if (_closed)
                throw new NotConnectedException($"The connection to cloud '{_config.Name}' was closed by Disconnect-OSCloud; run Connect-OSCloud again.");
            var token = _token;
            if (token != null && !token.ExpiresWithin(DateTimeOffset.UtcNow))
                return token;
            return await RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Gets a new token unless another caller already replaced <paramref name="stale"/>.</summary>
        public async Task<Token> RenewAsync(Token? stale, CancellationToken cancellationToken)
        {
            await _authLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _token;
                if (current != null && current != stale && !current.ExpiresWithin(DateTimeOffset.UtcNow))
                    return current;
                var token = await _authenticator.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
                if (token.ProjectId == null && token.DomainName == null && token.Catalog.Endpoints.Count == 0)
                    RequestTrace.Write("The token is unscoped: it has no catalog. Give a project (project_name or -ProjectName).");
                AuthenticationCount++;
                _token = token;
                _closed = false;
                return token;
            }
            finally
            {
                _authLock.Release();
            }
        }

        /// <summary>Forgets the token and revokes it when this session obtained it and it is still valid.</summary>
        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            var token = _token;
            _closed = true;
            _token = null;
            if (token != null && CanRenew && !token.ExpiresWithin(DateTimeOffset.UtcNow))
                await _authenticator.RevokeAsync(token, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose() => _authLock.Dispose();
    }
}
