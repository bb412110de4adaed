using System.Globalization;
using System.Text.Json;
using FluentValidation;
using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Tasks;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// A task PATCH, read from raw JSON because which fields are present matters: the role rules
/// refuse fields by name, and <c>"assigned_agent_id": null</c> unassigns while leaving it out
/// keeps the assignee. Unknown fields are ignored; a field of the wrong type is a 422.
/// </summary>
public sealed record TaskPatch(TaskEdit Edit, Guid? AssigneeId)
{
    private static readonly string[] DetailFields = ["title", "description", "priority", "due_at"];

    public static TaskPatch Parse(JsonElement body, IValidator<TaskEdit> rules)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new ApiValidationException([new ValidationIssue(["body"], "Input should be a valid dictionary", "dict_type")]);
        var reader = new Reader(body);
        var edit = new TaskEdit
        {
            Status = reader.Text("status"),
            Comment = reader.Text("comment"),
            Title = reader.Text("title"),
            Description = reader.Text("description"),
            Priority = reader.Text("priority"),
            DueAt = reader.Time("due_at"),
            SetsAssignee = reader.Has("assigned_agent_id"),
            SetsDependencies = reader.Has("depends_on_task_ids"),
            DependsOnTaskIds = reader.Ids("depends_on_task_ids") ?? [],
            SetsTags = reader.Has("tag_ids"),
            SetsCustomFields = reader.Has("custom_field_values"),
            TagIds = reader.Ids("tag_ids") ?? [],
            CustomFieldKeys = reader.Keys("custom_field_values") ?? [],
            OtherFields = [.. DetailFields.Where(reader.Has)],
        };
        var patch = new TaskPatch(edit, reader.Id("assigned_agent_id"));
        rules.ThrowIfInvalid(edit);
        reader.ThrowIfInvalid();
        return patch;
    }

    /// <summary>Reads optional fields of one JSON object, collecting type errors.</summary>
    private sealed class Reader(JsonElement body)
    {
        private readonly List<ValidationIssue> _issues = [];

        public bool Has(string field) => body.TryGetProperty(field, out _);

        public string? Text(string field) => Read(field, value => value.ValueKind == JsonValueKind.String ? value.GetString() : Wrong<string>(field, "string_type"));

        public Guid? Id(string field) => Read<Guid?>(field, value => ParseId(field, value));

        public DateTimeOffset? Time(string field) => Read<DateTimeOffset?>(field, value =>
            value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(
                value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : Wrong<DateTimeOffset?>(field, "datetime_parsing"));

        public IReadOnlyList<Guid>? Ids(string field) => Read<IReadOnlyList<Guid>>(field, value =>
            value.ValueKind == JsonValueKind.Array
                ? [.. value.EnumerateArray().Select(item => ParseId(field, item) ?? Guid.Empty)]
                : Wrong<IReadOnlyList<Guid>>(field, "list_type"));

        public IReadOnlyList<string>? Keys(string field) => Read<IReadOnlyList<string>>(field, value =>
            value.ValueKind == JsonValueKind.Object
                ? [.. value.EnumerateObject().Select(property => property.Name)]
                : Wrong<IReadOnlyList<string>>(field, "dict_type"));

        public void ThrowIfInvalid()
        {
            if (_issues.Count > 0)
                throw new ApiValidationException(_issues);
        }

        private T? Read<T>(string field, Func<JsonElement, T?> parse) =>
            body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? parse(value) : default;

        private Guid? ParseId(string field, JsonElement value) =>
            value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) ? id : Wrong<Guid?>(field, "uuid_parsing");

        private T? Wrong<T>(string field, string type)
        {
            _issues.Add(new ValidationIssue(["body", field], "Value has the wrong type for this field", type));
            return default;
        }
    }
}
