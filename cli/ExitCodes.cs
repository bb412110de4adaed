namespace MissionControl.Cli;

/// <summary>What <c>mc</c> exits with, so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service refused the request (bad input, a conflict, a gateway failure, ...).</summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong: an unknown command, a missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>No Mission Control answered at the URL.</summary>
    public const int Unreachable = 3;

    /// <summary>No token, or the service refused it (401, 403).</summary>
    public const int Unauthorized = 4;

    /// <summary>The id named does not exist (or is not visible to this token).</summary>
    public const int NotFound = 5;
}

/// <summary>A failure to report in one line and exit with <see cref="ExitCode"/>.</summary>
public sealed class McFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
