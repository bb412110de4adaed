using System.Text.Json;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Finds the strings of a JSON document (property names and values, at any depth) that hold a
/// control character (tab and line breaks aside) or are not valid Unicode, each located by its
/// path. A document that is not JSON yields nothing: binding reports that itself, in its own words.
/// </summary>
internal static class JsonTextScan
{
    public const string ControlMessage = "String must not contain control characters";
    public const string ControlType = "string_pattern_mismatch";
    public const string UnicodeMessage = "String is not valid Unicode";
    public const string UnicodeType = "string_unicode";

    public static IReadOnlyList<ValidationIssue> Find(ReadOnlySpan<byte> json)
    {
        // The binder reads past a leading byte order mark, so the scan must too, or a body
        // starting with one would bind without having been scanned.
        json = WithoutByteOrderMark(json);
        var issues = new List<ValidationIssue>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var path = new JsonPath();
        try
        {
            while (reader.Read())
                Visit(ref reader, path, issues);
        }
        catch (JsonException)
        {
            return []; // not JSON at all (or too deep): binding answers with its own 422
        }

        return issues;
    }

    /// <summary>The JSON text after a UTF-8 byte order mark, if it starts with one.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> json) =>
        json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? json[3..] : json;

    private static void Visit(ref Utf8JsonReader reader, JsonPath path, List<ValidationIssue> issues)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                path.Enter(reader.TokenType == JsonTokenType.StartArray);
                return;
            case JsonTokenType.EndObject:
            case JsonTokenType.EndArray:
                path.Leave();
                return;
            case JsonTokenType.PropertyName:
                path.Name(Check(ref reader, path, issues, ownLocation: true) ?? "?");
                return;
            case JsonTokenType.String:
                Check(ref reader, path, issues, ownLocation: false);
                break;
        }

        path.ValueDone();
    }

    /// <summary>The string at the reader, or null (with an issue recorded) when it cannot be stored.</summary>
    private static string? Check(ref Utf8JsonReader reader, JsonPath path, List<ValidationIssue> issues, bool ownLocation)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8, or an escaped surrogate without its pair: no string to speak of.
            issues.Add(new ValidationIssue(path.Location(ownLocation ? "?" : null), UnicodeMessage, UnicodeType));
            return null;
        }

        if (!HasControl(text))
            return text;
        issues.Add(new ValidationIssue(path.Location(ownLocation ? new string([.. text.Where(c => !char.IsControl(c))]) : null), ControlMessage, ControlType));
        return null;
    }

    /// <summary>A control character other than tab, line feed and carriage return.</summary>
    public static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>Where the reader is: property names and array indexes from the body down.</summary>
    private sealed class JsonPath
    {
        private readonly List<object?> _segments = [];
        private readonly List<bool> _isArray = [];

        public void Enter(bool array)
        {
            _isArray.Add(array);
            _segments.Add(array ? 0 : null);
        }

        public void Leave()
        {
            _isArray.RemoveAt(_isArray.Count - 1);
            _segments.RemoveAt(_segments.Count - 1);
            ValueDone();
        }

        public void Name(string name) => _segments[^1] = name;

        /// <summary>A value ended: the next one in an array has the next index.</summary>
        public void ValueDone()
        {
            if (_isArray.Count > 0 && _isArray[^1])
                _segments[^1] = (int)_segments[^1]! + 1;
        }

        public IReadOnlyList<object> Location(string? propertyName)
        {
            List<object> location = ["body"];
            var depth = propertyName is null ? _segments.Count : _segments.Count - 1;
            location.AddRange(_segments.Take(depth).Select(segment => segment ?? "?"));
            if (propertyName is not null)
                location.Add(propertyName);
            return location;
        }
    }
}
