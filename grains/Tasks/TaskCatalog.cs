using MissionControl.Grains.Common;

namespace MissionControl.Grains.Tasks;

/// <summary>
/// The tags and custom fields a task may refer to. None exist yet: every tag id given is missing
/// (404, naming them) and every custom field key unknown (422, naming them).
/// </summary>
public static class TaskCatalog
{
    public const string MissingTags = "One or more tags do not exist in this organization.";
    public const string UnknownCustomFields = "Unknown custom field keys for this board.";

    /// <summary>Refuses tags first, then custom fields, as a task's reader meets them.</summary>
    public static void RequireKnown(IReadOnlyCollection<Guid> tagIds, IReadOnlyCollection<string> customFieldKeys)
    {
        if (tagIds.Count > 0)
        {
            throw new DomainException(DomainErrorKind.NotFound, MissingTags)
            {
                Fields = new Dictionary<string, object> { ["missing_tag_ids"] = tagIds.Distinct().ToList() },
            };
        }

        if (customFieldKeys.Count > 0)
        {
            throw new DomainException(DomainErrorKind.Validation, UnknownCustomFields)
            {
                Fields = new Dictionary<string, object> { ["unknown_field_keys"] = customFieldKeys.Order(StringComparer.Ordinal).ToList() },
            };
        }
    }
}
