using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http;
using OpenStackOrchestrator.Client.Errors;
using Polly;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Streamed transfers through the same pipeline as every other call (retries, traces, typed errors,
    /// cancellation), for bodies too large to hold in memory: image uploads and downloads.
    /// Timeout: <see cref="HttpSettings.Timeout"/> applies as an INACTIVITY timeout here, restarted by every chunk
    /// sent or received (and covering connect and the wait for the response headers), so a transfer of any size
    /// that keeps moving is never cut off, and one that stalls fails after that long without progress.</summary>
    public sealed partial class HttpTransport
    {
        /// <summary>Sends a request whose body is read from <paramref name="body"/> as it goes out. Retries follow the
        /// usual rules, but only while the body can be sent again: before any byte left, or when its stream can seek
        /// back to the start.</summary>
        public async Task<ServiceResponse> SendStreamAsync(HttpMethod method, string url, IDictionary<string, string> headers,
            StreamBody body, bool idempotent, string service, CancellationToken cancellationToken)
        {
            var pipeline = BuildRetryPipeline(attempt => body.CanResend && RetryDecision.ShouldRetry(attempt, idempotent));
            var (outcome, retries) = await RunTransferAsync(pipeline, ct => UploadOnceAsync(method, url, headers, body, ct), method, url, service, cancellationToken).ConfigureAwait(false);
            return Completed(outcome, retries, method, url, service, body.BytesSent);
        }

        /// <summary>Sends a request and copies a 2xx response body to <paramref name="destination"/> as it arrives
        /// (the body is never held whole in memory). Retried only until the first byte was written.</summary>
        /// <param name="progress">Called with the bytes written so far, after each chunk.</param>
        public async Task<ServiceResponse> ReceiveStreamAsync(HttpMethod method, string url, IDictionary<string, string> headers,
            Stream destination, Action<long>? progress, string service, CancellationToken cancellationToken)
        {
            long written = 0;
            var pipeline = BuildRetryPipeline(attempt => Interlocked.Read(ref written) == 0 && RetryDecision.ShouldRetry(attempt, idempotent: true));
            var (outcome, retries) = await RunTransferAsync(pipeline, ct => DownloadOnceAsync(method, url, headers, destination, n =>
            {
                Interlocked.Exchange(ref written, n);
                progress?.Invoke(n);
            }, ct), method, url, service, cancellationToken).ConfigureAwait(false);
            return Completed(outcome, retries, method, url, service, Interlocked.Read(ref written));
        }

        private async Task<(Attempt Outcome, RetryProgress Retries)> RunTransferAsync(ResiliencePipeline<Attempt> pipeline, Func<CancellationToken, Task<Attempt>> once,
            HttpMethod method, string url, string service, CancellationToken cancellationToken)
        {
            try
            {
                return await ExecuteWithRetriesAsync(pipeline, once, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RequestTimeoutException($"{method} {url} made no progress for {Settings.Timeout.TotalSeconds:0.#} s.", null)
                { Service = service, Method = method.Method, Url = url };
            }
        }

        private ServiceResponse Completed(Attempt outcome, RetryProgress retries, HttpMethod method, string url, string service, long bytesTransferred)
        {
            if (outcome.Failure is BodyCutOffException cut)
            {
                var truncated = Truncated(cut, outcome.StatusCode, outcome.Headers, method, url, service);
                if (bytesTransferred > 0)
                    throw new TruncatedResponseException(truncated.Message + " It was not retried: those bytes cannot be received again.", cut.InnerException)
                    {
                        Service = service, Method = method.Method, Url = url, StatusCode = truncated.StatusCode, RequestId = truncated.RequestId,
                        BytesReceived = cut.BytesReceived, ExpectedBytes = cut.ExpectedBytes,
                    };
                throw truncated;
            }
            if (outcome.Failure != null)
                throw retries.Annotate(MapTransferFailure(outcome.Failure, method, url, service, bytesTransferred));
            if (outcome.StatusCode >= 200 && outcome.StatusCode < 300)
                return new ServiceResponse(outcome.StatusCode, outcome.Headers, outcome.Body, outcome.Elapsed, url);
            throw retries.Annotate(OpenStackErrorFactory.FromResponse(service, method.Method, url, outcome.StatusCode, outcome.Headers, outcome.Body));
        }

        private async Task<Attempt> UploadOnceAsync(HttpMethod method, string url, IDictionary<string, string> headers, StreamBody body, CancellationToken cancellationToken)
        {
            body.Rewind();
            if (RequestTrace.Enabled)
                RequestTrace.Write("REQ: " + CurlFormatter.Format(method.Method, url, headers, null) +
                                   $" -H 'Content-Type: {body.ContentType}' --data-binary '@{body.Describe()}'");
            using (var idle = new IdleTimeout(Settings.Timeout, cancellationToken))
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using (var content = body.CreateContent(idle.Touch))
                    using (var response = await Request(url, headers).SendAsync(method, content, HttpCompletionOption.ResponseContentRead, idle.Token).ConfigureAwait(false))
                    {
                        var text = await response.ResponseMessage.Content.ReadAsStringAsync().ConfigureAwait(false);
                        var attempt = new Attempt(response.StatusCode, CollectHeaders(response.ResponseMessage), text, watch.Elapsed);
                        if (RequestTrace.Enabled)
                            TraceResponse(attempt);
                        return attempt;
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    throw new OperationCanceledException(ex.Message, ex, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(ex))
                {
                    return FailedTransfer(ex, idle, watch, body.BytesSent, "sent");
                }
            }
        }

        private async Task<Attempt> DownloadOnceAsync(HttpMethod method, string url, IDictionary<string, string> headers, Stream destination,
            Action<long> progress, CancellationToken cancellationToken)
        {
            if (RequestTrace.Enabled)
                RequestTrace.Write("REQ: " + CurlFormatter.Format(method.Method, url, headers, null));
            using (var idle = new IdleTimeout(Settings.Timeout, cancellationToken))
            {
                var watch = Stopwatch.StartNew();
                long copied = 0;
                // Set once the headers came: a failure after them is a body cut off (with its status and request id).
                Attempt? answered = null;
                try
                {
                    using (var response = await Request(url, headers).SendAsync(method, null, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false))
                    // Disposing the response unblocks a stalled read on runtimes whose network reads ignore the token.
                    using (idle.Token.Register(() => response.Dispose()))
                    {
                        var responseHeaders = CollectHeaders(response.ResponseMessage);
                        answered = new Attempt(response.StatusCode, responseHeaders, "", watch.Elapsed);
                        if (response.StatusCode < 200 || response.StatusCode >= 300)
                        {
                            var text = await response.ResponseMessage.Content.ReadAsStringAsync().ConfigureAwait(false);
                            var failed = new Attempt(response.StatusCode, responseHeaders, text, watch.Elapsed);
                            if (RequestTrace.Enabled)
                                TraceResponse(failed);
                            return failed;
                        }
                        using (var source = await response.ResponseMessage.Content.ReadAsStreamAsync().ConfigureAwait(false))
                            await CopyAsync(source, destination, n =>
                            {
                                copied = n;
                                idle.Touch();
                                progress(n);
                            }, idle.Token).ConfigureAwait(false);
                        var attempt = new Attempt(response.StatusCode, responseHeaders, "", watch.Elapsed);
                        if (RequestTrace.Enabled)
                        {
                            TraceResponse(attempt);
                            RequestTrace.Write($"RESP BODY: <{copied} bytes streamed, not shown>");
                        }
                        return attempt;
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    throw new OperationCanceledException(ex.Message, ex, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (IsTransportFailure(ex) || (ex is ObjectDisposedException && idle.Expired)))
                {
                    if (answered != null && !idle.Expired && answered.StatusCode >= 200 && answered.StatusCode < 300)
                    {
                        var length = answered.Headers.TryGetValue("Content-Length", out var text) && long.TryParse(text, out var n) ? n : (long?)null;
                        var cut = Attempt.Truncated(answered.StatusCode, answered.Headers, new BodyCutOffException(copied, length, ex), watch.Elapsed);
                        if (RequestTrace.Enabled)
                            RequestTrace.Write($"RESP: [{answered.StatusCode}] body cut off after {watch.ElapsedMilliseconds} ms and {copied} bytes received: {Describe(ex)}");
                        return cut;
                    }
                    return FailedTransfer(ex, idle, watch, copied, "received");
                }
            }
        }

        private static async Task CopyAsync(Stream source, Stream destination, Action<long> progress, CancellationToken cancellationToken)
        {
            var buffer = new byte[StreamBody.BufferSize];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                total += read;
                progress(total);
            }
        }

        private static Attempt FailedTransfer(Exception ex, IdleTimeout idle, Stopwatch watch, long bytes, string direction)
        {
            var attempt = Attempt.Failed(idle.Expired ? new TimeoutException("no progress", ex) : ex, watch.Elapsed);
            if (RequestTrace.Enabled)
                RequestTrace.Write($"RESP: failed after {watch.ElapsedMilliseconds} ms and {bytes} bytes {direction}: {Describe(attempt.Failure!)}");
            return attempt;
        }

        private OpenStackException MapTransferFailure(Exception failure, HttpMethod method, string url, string service, long bytes)
        {
            if (failure is TimeoutException)
                return new RequestTimeoutException(
                    $"{method.Method} {url} made no progress for {Settings.Timeout.TotalSeconds:0.#} s (after {bytes} bytes).", failure.InnerException)
                { Service = service, Method = method.Method, Url = url };
            if (bytes == 0)
                return MapFailure(failure, method, url, service);
            return new ServiceUnreachableException(
                $"The transfer {method.Method} {url} broke off after {bytes} bytes: {Describe(failure)}. It was not retried: those bytes cannot be sent or received again.", failure)
            { Service = service, Method = method.Method, Url = url };
        }
    }
}
