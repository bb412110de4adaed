using MissionControl.ApiGateway.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Refuses request bodies over <see cref="ApiLimits.MaxRequestBodyBytes"/> with 413, whether the
/// size is declared up front or only shows while streaming. We enforce it ourselves, not through
/// the server's own limit, so that the limit, its status and its detail are the same on Kestrel and
/// on the in-memory test server, and so that an oversize body found mid-read surfaces as our
/// exception rather than as a server IOException that body binding handles in its own way.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, ApiLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
            throw new RequestBodyTooLargeException(limit);

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = null;
        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        return next(context);
    }
}

/// <summary>A read-only view of a body that throws <see cref="RequestBodyTooLargeException"/> past its limit.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new RequestBodyTooLargeException(limit) : read;
    }
}
