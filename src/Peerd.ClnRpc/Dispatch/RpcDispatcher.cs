using System.Buffers;
using System.Text;
using System.Text.Json;
using Peerd.ClnRpc.Filtering;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// The method table and the request pipeline of the Core Lightning dialect: parse → validate the envelope → find the
/// method → parse the <c>filter</c> → check <c>params</c> → bind → check parameters → run → write the response. Transport-free: the Unix
/// socket server, tests and benchmarks all drive it with request bytes.
/// </summary>
/// <remarks>Thread-safe: methods may be registered at any time; calls run concurrently.</remarks>
public sealed class RpcDispatcher
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = RpcLimits.MaxRequestDepth };

    private readonly Action<string, Exception>? _onMethodException;
    private readonly Lock _registrationLock = new();
    private volatile Dictionary<string, IRpcMethod> _methods = new(StringComparer.Ordinal);

    /// <summary>Creates an empty dispatcher.</summary>
    /// <param name="onMethodException">Told about every exception a method throws (method name, exception), for logs.</param>
    public RpcDispatcher(Action<string, Exception>? onMethodException = null)
    {
        _onMethodException = onMethodException;
    }

    /// <summary>The registered methods, in no particular order.</summary>
    public IReadOnlyCollection<IRpcMethod> Methods => _methods.Values;

    /// <summary>Adds a method. Throws if the name is taken or the parameter list is malformed.</summary>
    public void Register(IRpcMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        ValidateParameterList(method);
        lock (_registrationLock)
        {
            if (_methods.ContainsKey(method.Name))
            {
                throw new ArgumentException($"A method named '{method.Name}' is already registered", nameof(method));
            }

            _methods = new Dictionary<string, IRpcMethod>(_methods, StringComparer.Ordinal) { [method.Name] = method };
        }
    }

    /// <summary>Adds a method made of a delegate (see <see cref="RpcMethod"/>).</summary>
    public void Register(
        string name,
        IReadOnlyList<RpcParameter> parameters,
        RpcHandler handler,
        RpcParameterChecking parameterChecking = RpcParameterChecking.ByDispatcher) =>
        Register(new RpcMethod(name, parameters, handler, parameterChecking));

    /// <summary>Finds a method by name.</summary>
    public bool TryGetMethod(string name, out IRpcMethod method) => _methods.TryGetValue(name, out method!);

    /// <summary>
    /// Parses and validates one complete request synchronously (the bytes may be reused as soon as this returns).
    /// </summary>
    public RpcPrepared Prepare(in ReadOnlySequence<byte> request) => Prepare(request, request, null);

    /// <summary>
    /// Parses and validates one complete request synchronously (the bytes may be reused as soon as this returns).
    /// </summary>
    /// <param name="request">The request as strict JSON (see <see cref="Framing.JsonRpcStreamReader"/>).</param>
    /// <param name="raw">The request as the client wrote it, quoted by the errors that quote the request.</param>
    /// <param name="session">The client's connection, for <c>notifications</c>; null without one.</param>
    public RpcPrepared Prepare(in ReadOnlySequence<byte> request, in ReadOnlySequence<byte> raw, RpcSession? session)
    {
        JsonDocument document;
        try
        {
            // JsonDocument does not validate UTF-8 inside strings; reading such a string later would throw.
            if (!IsValidUtf8(request))
            {
                throw new JsonException("invalid UTF-8");
            }

            document = JsonDocument.Parse(request, DocumentOptions);
        }
        catch (JsonException)
        {
            // The stream splitter accepted these bytes, so this is rare (e.g. invalid UTF-8 inside a string).
            var error = JsonRpcErrors.Unparseable(Encoding.UTF8.GetString(raw));
            return Immediate(JsonRpcEnvelopeParser.NullId, error, close: true);
        }

        var keep = false;
        try
        {
            var rawCopy = raw;
            if (!JsonRpcEnvelopeParser.TryParse(document.RootElement, () => Encoding.UTF8.GetString(rawCopy), out var envelope, out var rejection))
            {
                return Immediate(rejection!.IdJson, rejection.Error, rejection.CloseConnection);
            }

            if (!_methods.TryGetValue(envelope.Method, out var method))
            {
                return Immediate(envelope.IdJson, JsonRpcErrors.UnknownCommand(envelope.Method), close: false);
            }

            // Core Lightning parses the filter right after finding the method (parse_request), before any params check.
            JsonFilter? filter = null;
            if (RawJson.TryGetFirstMember(document.RootElement, JsonFilter.MemberName, out var filterElement)
                && !JsonFilter.TryParse(filterElement, out filter, out var filterError))
            {
                return Immediate(envelope.IdJson, filterError!, close: false);
            }

            if (envelope.Params.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                return Immediate(envelope.IdJson, JsonRpcErrors.ParamsNotArrayOrObject, close: false);
            }

            var parameters = RpcParameterBinder.Bind(method.Parameters, envelope.Params);
            keep = true;
            return new RpcPrepared(new RpcCall(document, method, envelope.IdJson, parameters, filter, session, envelope.Params), null, false);
        }
        catch (InvalidOperationException)
        {
            // Valid JSON whose text cannot be read as a string: an escaped lone surrogate ("\ude00") in a name.
            return Immediate(JsonRpcEnvelopeParser.NullId, JsonRpcErrors.Unparseable(Encoding.UTF8.GetString(raw)), close: true);
        }
        finally
        {
            if (!keep)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>
    /// Runs a prepared call and returns its complete response (terminator included). Never throws for a method's
    /// failure: exceptions become -1 errors. Disposes <paramref name="call"/>; the caller then writes the response
    /// and calls <see cref="RpcCall.MarkResponseWritten"/>.
    /// </summary>
    public async ValueTask<byte[]> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using (call)
        {
            var result = await RunAsync(call, cancellationToken).ConfigureAwait(false);
            return JsonRpcResponseWriter.Write(call.IdJson, result, call.Method.Name, call.Filter);
        }
    }

    /// <summary>
    /// Runs a prepared call and writes its response through <paramref name="send"/>: once, or piece by piece for a
    /// streamed result (<see cref="RpcResult.StreamedArray"/>), each piece sent before the next is written. Throws only
    /// when a streamed result fails after its first piece went out (the connection must then end) or when
    /// <paramref name="send"/> throws. Disposes <paramref name="call"/>; the caller then calls
    /// <see cref="RpcCall.MarkResponseWritten"/>.
    /// </summary>
    public async ValueTask InvokeAsync(RpcCall call, Func<ReadOnlyMemory<byte>, ValueTask> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(send);
        using (call)
        {
            var result = await RunAsync(call, cancellationToken).ConfigureAwait(false);
            try
            {
                await JsonRpcResponseWriter.WriteAsync(call.IdJson, result, call.Method.Name, call.Filter, send).ConfigureAwait(false);
            }
            catch (Exception e) when (result.Streamed is not null)
            {
                _onMethodException?.Invoke(call.Method.Name, e);
                throw;
            }
        }
    }

    private async ValueTask<RpcResult> RunAsync(RpcCall call, CancellationToken cancellationToken)
    {
        var name = call.Method.Name;
        try
        {
            var parameterError = call.Method.ParameterChecking == RpcParameterChecking.ByDispatcher
                ? call.Parameters.CheckInOrder()
                : null;
            return parameterError ?? await call.Method.InvokeAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return RpcError.ServerError($"{name}: cancelled, the server is stopping");
        }
        catch (Exception e)
        {
            _onMethodException?.Invoke(name, e);
            return RpcError.ServerError($"Internal error in {name}: {e.Message}");
        }
    }

    /// <summary>
    /// Prepares and runs one request given as bytes, returning the response bytes (for tests, benchmarks and
    /// transports without pipelining).
    /// </summary>
    public async ValueTask<byte[]> HandleAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(new ReadOnlySequence<byte>(request));
        if (prepared.Call is not { } call)
        {
            return prepared.ImmediateResponse!;
        }

        var response = await InvokeAsync(call, cancellationToken).ConfigureAwait(false);
        call.MarkResponseWritten();
        return response;
    }

    private static bool IsValidUtf8(in ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsSingleSegment)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes.FirstSpan);
        }

        // A character may straddle segments: check a contiguous copy (requests are bounded by RpcLimits).
        var copy = ArrayPool<byte>.Shared.Rent((int)bytes.Length);
        try
        {
            bytes.CopyTo(copy);
            return System.Text.Unicode.Utf8.IsValid(copy.AsSpan(0, (int)bytes.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static RpcPrepared Immediate(string idJson, RpcError error, bool close) =>
        new(null, JsonRpcResponseWriter.WriteError(idJson, error), close);

    private static void ValidateParameterList(IRpcMethod method)
    {
        ArgumentException.ThrowIfNullOrEmpty(method.Name);
        var seenOptional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.IsRequired && seenOptional)
            {
                throw new ArgumentException($"{method.Name}: required parameter '{parameter.Name}' follows an optional one");
            }

            if (!names.Add(parameter.Name))
            {
                throw new ArgumentException($"{method.Name}: parameter '{parameter.Name}' is listed twice");
            }

            seenOptional |= !parameter.IsRequired;
        }
    }
}
