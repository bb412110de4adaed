using Orleans;

namespace MissionControl.Runtime;

/// <summary>
/// How a lost append race crosses a grain call, so the caller on any silo still sees a
/// <see cref="ConcurrencyException"/> (HTTP 409) rather than a generic error.
/// </summary>
[GenerateSerializer]
[Alias("mc.concurrency-exception")]
public struct ConcurrencyExceptionSurrogate
{
    [Id(0)] public string StreamId;
    [Id(1)] public long ExpectedVersion;
    [Id(2)] public long ActualVersion;
}

[RegisterConverter]
public sealed class ConcurrencyExceptionConverter : IConverter<ConcurrencyException, ConcurrencyExceptionSurrogate>
{
    public ConcurrencyException ConvertFromSurrogate(in ConcurrencyExceptionSurrogate surrogate) =>
        new(surrogate.StreamId, surrogate.ExpectedVersion, surrogate.ActualVersion);

    public ConcurrencyExceptionSurrogate ConvertToSurrogate(in ConcurrencyException value) => new()
    {
        StreamId = value.StreamId,
        ExpectedVersion = value.ExpectedVersion,
        ActualVersion = value.ActualVersion,
    };
}
