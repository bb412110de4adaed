namespace MissionControl.Runtime;

/// <summary>
/// The address of a grain: its stable type name (as registered, never the CLR name) and its key.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
