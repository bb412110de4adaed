namespace MissionControl.Templates.Planning;

/// <summary>One entry of the gateway's file list for an agent (<c>agents.files.list</c>).</summary>
/// <param name="Name">File name as the gateway reports it.</param>
/// <param name="Missing">The gateway lists the name but the file does not exist.</param>
public sealed record ExistingFile(string Name, bool Missing = false);
