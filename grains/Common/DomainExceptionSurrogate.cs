using Orleans;

namespace MissionControl.Grains.Common;

/// <summary>
/// How a domain error crosses a grain call: kind, detail, code and fields, so a caller on any silo
/// maps it to the same HTTP answer (a plain exception copy keeps only the message).
/// </summary>
[GenerateSerializer]
[Alias("mc.domain-exception")]
public struct DomainExceptionSurrogate
{
    [Id(0)] public DomainErrorKind Kind;
    [Id(1)] public string Detail;
    [Id(2)] public string? Code;
    [Id(3)] public Dictionary<string, object>? Fields;
}

[RegisterConverter]
public sealed class DomainExceptionConverter : IConverter<DomainException, DomainExceptionSurrogate>
{
    public DomainException ConvertFromSurrogate(in DomainExceptionSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Detail, surrogate.Code) { Fields = surrogate.Fields };

    public DomainExceptionSurrogate ConvertToSurrogate(in DomainException value) => new()
    {
        Kind = value.Kind,
        Detail = value.Detail,
        Code = value.Code,
        Fields = value.Fields?.ToDictionary(field => field.Key, field => field.Value),
    };
}
