using System.CommandLine;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using MissionControl.Cli.Settings;

namespace MissionControl.Cli;

/// <summary>One command being carried out: its parsed line, the service, and the screen.</summary>
public sealed record Call(ParseResult Parse, McApi Api, Screen Screen, McSettings Settings)
{
    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);
}
