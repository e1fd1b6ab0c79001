using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http;
using OpenStackOrchestrator.Client.Errors;
using Polly;
using Polly.Retry;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>The one HTTP pipeline: per-attempt timeout, cancellation, bounded retries with backoff
    /// (Retry-After honoured), -Debug traces with secrets redacted, and errors mapped to typed exceptions.</summary>
    public sealed partial class HttpTransport : IDisposable
    {
        private readonly IFlurlClient _client;
        private readonly ResiliencePipeline<Attempt> _idempotentPipeline;
        private readonly ResiliencePipeline<Attempt> _unsafePipeline;

        public HttpTransport(HttpSettings settings)
        {
            Settings = settings.Clone();
            _client = new FlurlClient(new HttpClient(CreateHandler(Settings)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
            _client.Settings.Timeout = null;
            _client.Settings.AllowedHttpStatusRange = "*";
            _client.Settings.Redirects.Enabled = false; // Flurl's own redirects forward every header: SameOriginRedirectHandler decides.
            _idempotentPipeline = BuildRetryPipeline(attempt => RetryDecision.ShouldRetry(attempt, idempotent: true));
            _unsafePipeline = BuildRetryPipeline(attempt => RetryDecision.ShouldRetry(attempt, idempotent: false));
        }

        public HttpSettings Settings { get; }

        /// <summary>Sends the request; returns a 2xx response or throws an <see cref="OpenStackException"/>.</summary>
        public async Task<ServiceResponse> SendAsync(HttpMethod method, string url, IDictionary<string, string> headers,
            string? jsonBody, bool idempotent, string service, CancellationToken cancellationToken)
        {
            var pipeline = idempotent ? _idempotentPipeline : _unsafePipeline;
            Attempt outcome;
            RetryProgress retries;
            try
            {
                (outcome, retries) = await ExecuteWithRetriesAsync(pipeline,
                    ct => SendOnceAsync(method, url, headers, jsonBody, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RequestTimeoutException($"{method} {url} did not complete within {Settings.Timeout.TotalSeconds:0.#} s.", null)
                { Service = service, Method = method.Method, Url = url };
            }

            if (outcome.Failure != null)
                throw retries.Annotate(MapFailure(outcome, method, url, service));

            if (outcome.StatusCode >= 200 && outcome.StatusCode < 300)
                return new ServiceResponse(outcome.StatusCode, outcome.Headers, outcome.Body, outcome.Elapsed, url);

            throw retries.Annotate(OpenStackErrorFactory.FromResponse(service, method.Method, url, outcome.StatusCode, outcome.Headers, outcome.Body));
        }

        /// <summary>Runs <paramref name="once"/> through <paramref name="pipeline"/> with this call's own
        /// <see cref="RetryProgress"/> (attempts, retry budget) in its context.</summary>
        private static async Task<(Attempt Outcome, RetryProgress Retries)> ExecuteWithRetriesAsync(ResiliencePipeline<Attempt> pipeline,
            Func<CancellationToken, Task<Attempt>> once, CancellationToken cancellationToken)
        {
            var retries = new RetryProgress();
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RetryProgress.Key, retries);
            try
            {
                var outcome = await pipeline.ExecuteAsync((ctx, state) =>
                {
                    state.retries.AttemptStarting();
                    return new ValueTask<Attempt>(state.once(ctx.CancellationToken));
                }, context, (retries, once)).ConfigureAwait(false);
                return (outcome, retries);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private async Task<Attempt> SendOnceAsync(HttpMethod method, string url, IDictionary<string, string> headers,
            string? jsonBody, CancellationToken cancellationToken)
        {
            if (RequestTrace.Enabled)
                RequestTrace.Write("REQ: " + CurlFormatter.Format(method.Method, url, headers, jsonBody));

            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(Settings.Timeout);
                var watch = Stopwatch.StartNew();
                try
                {
                    var content = jsonBody == null ? null : new StringContent(jsonBody, Encoding.UTF8, "application/json");
                    // Headers first, then the body: an answer cut off in its body still has its status and request id.
                    using (var response = await Request(url, headers).SendAsync(method, content, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        var responseHeaders = CollectHeaders(response.ResponseMessage);
                        var (body, cutOff) = await ReadBodyAsync(response.ResponseMessage, timeout, cancellationToken).ConfigureAwait(false);
                        if (cutOff != null)
                        {
                            var truncated = Attempt.Truncated(response.StatusCode, responseHeaders, cutOff, watch.Elapsed);
                            if (RequestTrace.Enabled)
                                RequestTrace.Write($"RESP: [{response.StatusCode}] body cut off after {watch.ElapsedMilliseconds} ms: {cutOff.Message}");
                            return truncated;
                        }
                        var attempt = new Attempt(response.StatusCode, responseHeaders, body, watch.Elapsed);
                        if (RequestTrace.Enabled)
                            TraceResponse(attempt);
                        return attempt;
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(ex))
                {
                    var attempt = Attempt.Failed(timeout.IsCancellationRequested ? new TimeoutException("timeout", ex) : ex, watch.Elapsed);
                    if (RequestTrace.Enabled)
                        RequestTrace.Write($"RESP: failed after {watch.ElapsedMilliseconds} ms: {Describe(attempt.Failure!)}");
                    return attempt;
                }
                catch (FlurlHttpException ex) when (cancellationToken.IsCancellationRequested)
                {
                    // Flurl wraps the cancellation of the token it was given in a FlurlHttpException.
                    throw new OperationCanceledException(ex.Message, ex, cancellationToken);
                }
            }
        }

        /// <summary>The body as text; or, when the connection broke off before the body's end, what arrived and why
        /// (a timeout while reading stays a timeout: it is thrown for the caller's timeout handling).</summary>
        private static async Task<(string Body, BodyCutOffException? CutOff)> ReadBodyAsync(HttpResponseMessage message, CancellationTokenSource timeout,
            CancellationToken cancellationToken)
        {
            var buffer = new System.IO.MemoryStream();
            var expected = message.Content?.Headers.ContentLength;
            if (message.Content == null)
                return ("", null);
            try
            {
                // Disposing the response unblocks a stalled read on runtimes whose network reads ignore the token.
                using (timeout.Token.Register(message.Dispose))
                using (var stream = await message.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    await stream.CopyToAsync(buffer, 81920, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!timeout.IsCancellationRequested && (IsTransportFailure(ex) || ex is ObjectDisposedException))
            {
                return ("", new BodyCutOffException(buffer.Length, expected, ex));
            }
            catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is ObjectDisposedException)
            {
                throw new OperationCanceledException("timeout", ex, timeout.Token);
            }
            buffer.Position = 0;
            var charset = message.Content.Headers.ContentType?.CharSet;
            Encoding encoding;
            try { encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset!.Trim('"')); }
            catch (ArgumentException) { encoding = Encoding.UTF8; }
            using (var reader = new System.IO.StreamReader(buffer, encoding, detectEncodingFromByteOrderMarks: true))
                return (reader.ReadToEnd(), null);
        }

        private static bool IsTransportFailure(Exception ex) =>
            ex is FlurlHttpException || ex is HttpRequestException || ex is OperationCanceledException ||
            ex is System.IO.IOException || ex is SocketException;

        private static Dictionary<string, string> CollectHeaders(HttpResponseMessage message)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in message.Headers)
                headers[h.Key] = string.Join(",", h.Value);
            if (message.Content != null)
                foreach (var h in message.Content.Headers)
                    headers[h.Key] = string.Join(",", h.Value);
            return headers;
        }

        private static void TraceResponse(Attempt attempt)
        {
            var sb = new StringBuilder("RESP: [").Append(attempt.StatusCode).Append("] ")
                .Append((long)attempt.Elapsed.TotalMilliseconds).Append(" ms");
            foreach (var h in attempt.Headers.Where(h => !h.Key.StartsWith("Date", StringComparison.OrdinalIgnoreCase)))
                sb.Append(' ').Append(h.Key).Append(": ").Append(SecretRedactor.HeaderValue(h.Key, h.Value));
            RequestTrace.Write(sb.ToString());
            if (!string.IsNullOrEmpty(attempt.Body))
            {
                var body = SecretRedactor.Body(attempt.Body);
                RequestTrace.Write("RESP BODY: " + (body.Length > 4096 ? body.Substring(0, 4096) + $"... ({body.Length} chars)" : body));
            }
        }

        private IFlurlRequest Request(string url, IDictionary<string, string> headers)
        {
            var request = _client.Request(url);
            foreach (var header in headers)
                request.WithHeader(header.Key, header.Value);
            return request;
        }

        /// <summary>Bounded retries for the attempts <paramref name="canRetry"/> accepts: Polly's exponential backoff
        /// with decorrelated jitter (first wait tens of ms, one wait at most MaxRetryDelay), or exactly the wait a
        /// Retry-After asks for; at most MaxRetries retries, and none once the call's RetryBudget is spent.</summary>
        private ResiliencePipeline<Attempt> BuildRetryPipeline(Func<Attempt, bool> canRetry)
        {
            if (Settings.MaxRetries <= 0)
                return ResiliencePipeline<Attempt>.Empty;
            return new ResiliencePipelineBuilder<Attempt>()
                .AddRetry(new RetryStrategyOptions<Attempt>
                {
                    MaxRetryAttempts = Settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = Settings.RetryBaseDelay,
                    MaxDelay = Settings.MaxRetryDelay,
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result is { } attempt && canRetry(attempt) &&
                                                               MayRetry(attempt, args.AttemptNumber, Progress(args.Context))),
                    // A Retry-After replaces the backoff (Polly adds no jitter to it); null leaves Polly's backoff.
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryDecision.RetryAfter(args.Outcome.Result)),
                    OnRetry = args =>
                    {
                        var retryAfter = args.Outcome.Result != null && args.Outcome.Result.Headers.TryGetValue("Retry-After", out var asked)
                            ? $" (Retry-After: {asked})" : "";
                        RequestTrace.Write($"RETRY {args.AttemptNumber + 1}/{Settings.MaxRetries} in {(long)args.RetryDelay.TotalMilliseconds} ms after {args.Outcome.Result?.Summary}{retryAfter}");
                        return default;
                    },
                })
                .Build();
        }

        private static RetryProgress Progress(ResilienceContext context) =>
            context.Properties.TryGetValue(RetryProgress.Key, out var progress) ? progress : new RetryProgress();

        /// <summary>Whether a retryable attempt may be followed by another within the limits; records why not.</summary>
        private bool MayRetry(Attempt attempt, int attemptNumber, RetryProgress progress)
        {
            if (attemptNumber >= Settings.MaxRetries)
            {
                progress.StopReason = $"the retry limit (RetryCount {Settings.MaxRetries})";
                return false;
            }
            var budget = Settings.RetryBudget;
            var left = budget - progress.Elapsed;
            var asked = RetryDecision.RetryAfter(attempt);
            if (asked != null && asked.Value > left)
            {
                progress.StopReason = $"the service asked to wait {asked.Value.TotalSeconds:0.#} s (Retry-After), more than the " +
                                      $"{Math.Max(0, left.TotalSeconds):0.#} s left of the {budget.TotalSeconds:0.#} s retry budget";
                return false;
            }
            if (left <= TimeSpan.Zero)
            {
                progress.StopReason = $"the {budget.TotalSeconds:0.#} s retry budget is spent";
                return false;
            }
            return true;
        }

        /// <summary>A failed attempt as the exception the caller gets: a body that broke off is a
        /// <see cref="TruncatedResponseException"/> with the status and request id its headers carried.</summary>
        private OpenStackException MapFailure(Attempt outcome, HttpMethod method, string url, string service)
        {
            if (outcome.Failure is BodyCutOffException cut)
                return Truncated(cut, outcome.StatusCode, outcome.Headers, method, url, service);
            return MapFailure(outcome.Failure!, method, url, service, _certificateFailures.Explain(url));
        }

        private static TruncatedResponseException Truncated(BodyCutOffException cut, int status, IReadOnlyDictionary<string, string> headers,
            HttpMethod method, string url, string service)
        {
            var requestId = RequestIdOf(headers);
            var of = cut.ExpectedBytes.HasValue ? $" of {cut.ExpectedBytes.Value}" : "";
            var retried = method == HttpMethod.Get || method == HttpMethod.Head ? "" : $" The {method.Method} was not sent again: the service acted on it.";
            return new TruncatedResponseException(
                $"The answer to {method.Method} {url} (HTTP {status}) broke off after {cut.BytesReceived}{of} bytes of its body" +
                (requestId != null ? $" (request id {requestId})" : "") + (cut.InnerException != null ? $": {Describe(cut.InnerException)}" : ".") + retried, cut.InnerException)
            {
                Service = service, Method = method.Method, Url = url, StatusCode = status, RequestId = requestId,
                BytesReceived = cut.BytesReceived, ExpectedBytes = cut.ExpectedBytes,
            };
        }

        internal static string? RequestIdOf(IReadOnlyDictionary<string, string> headers)
        {
            foreach (var name in new[] { "x-openstack-request-id", "x-compute-request-id", "x-trans-id", "openstack-request-id" })
                if (headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
                    return value;
            return null;
        }

        private static OpenStackException MapFailure(Exception failure, HttpMethod method, string url, string service, string? certificateProblem = null)
        {
            if (failure is TimeoutException)
                return new RequestTimeoutException($"{method.Method} {url} did not answer in time.", failure.InnerException)
                { Service = service, Method = method.Method, Url = url };
            if (certificateProblem != null && IsCertificateFailure(failure))
                return new ServiceUnreachableException($"Could not reach {service} at {url}: the server's TLS certificate was refused: {certificateProblem}.", failure)
                { Service = service, Method = method.Method, Url = url, CertificateProblem = certificateProblem };
            return new ServiceUnreachableException($"Could not reach {service} at {url}: {Describe(failure)}", failure)
            { Service = service, Method = method.Method, Url = url };
        }

        private static bool IsCertificateFailure(Exception failure)
        {
            for (var e = failure; e != null; e = e.InnerException)
                if (e is System.Security.Authentication.AuthenticationException)
                    return true;
            return false;
        }

        internal static string Describe(Exception ex)
        {
            var innermost = ex;
            while (innermost.InnerException != null)
                innermost = innermost.InnerException;
            return innermost == ex ? ex.Message : $"{ex.GetType().Name}: {innermost.Message}";
        }

        private readonly CertificateFailures _certificateFailures = new CertificateFailures();

        private HttpMessageHandler CreateHandler(HttpSettings settings)
        {
            // Redirects: see SameOriginRedirectHandler (HttpClient's own would carry X-Auth-Token to any host).
            var handler = new HttpClientHandler { AllowAutoRedirect = false };
            var validation = CertificateValidation.Callback(settings, _certificateFailures);
            if (validation != null)
                handler.ServerCertificateCustomValidationCallback = validation;
            return new SameOriginRedirectHandler(new LiteralPathHandler(handler));
        }

        public void Dispose() => _client.Dispose();

        /// <summary>The result of one attempt: a response, or a transport failure.</summary>
        internal sealed class Attempt
        {
            public Attempt(int statusCode, IReadOnlyDictionary<string, string> headers, string body, TimeSpan elapsed)
            {
                StatusCode = statusCode;
                Headers = headers;
                Body = body;
                Elapsed = elapsed;
            }

            public static Attempt Failed(Exception failure, TimeSpan elapsed) =>
                new Attempt(0, new Dictionary<string, string>(), "", elapsed) { Failure = failure };

            /// <summary>Status and headers arrived, the body broke off: a failure (retried as such) that keeps them.</summary>
            public static Attempt Truncated(int statusCode, IReadOnlyDictionary<string, string> headers, BodyCutOffException cut, TimeSpan elapsed) =>
                new Attempt(statusCode, headers, "", elapsed) { Failure = cut };

            public int StatusCode { get; }
            public IReadOnlyDictionary<string, string> Headers { get; }
            public string Body { get; }
            public TimeSpan Elapsed { get; }
            public Exception? Failure { get; private set; }
            public string Summary => Failure != null ? Describe(Failure) : "HTTP " + StatusCode;
        }
    }
}
