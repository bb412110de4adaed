namespace MissionControl.ReadModels;

/// <summary>Marker for this assembly: list, filter and page queries over projected tables.</summary>
public static class ReadModelsAssembly;
