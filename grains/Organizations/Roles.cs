using MissionControl.Grains.Common;

namespace MissionControl.Grains.Organizations;

/// <summary>Organization roles, ranked owner &gt; admin &gt; member.</summary>
public static class Roles
{
    /// <summary>Full control, including deleting the organization and removing owners.</summary>
    public const string Owner = "owner";

    /// <summary>Manages members, gateways, boards and agents.</summary>
    public const string Admin = "admin";

    /// <summary>Works on the boards they were granted.</summary>
    public const string Member = "member";

    /// <summary>Rank used to compare roles; unknown roles rank lowest.</summary>
    public static int Rank(string role) => role switch
    {
        Owner => 2,
        Admin => 1,
        _ => 0,
    };

    /// <summary>Admin checks accept owners and admins.</summary>
    public static bool IsAdmin(string role) => role is Owner or Admin;

    /// <summary>Lower-cased, trimmed role; blank means member; anything else unknown is refused.</summary>
    public static string Normalize(string? role)
    {
        var normalized = (role ?? string.Empty).Trim().ToLowerInvariant();
        return normalized switch
        {
            "" => Member,
            Owner or Admin or Member => normalized,
            _ => throw DomainError.Validation($"Unsupported role: {normalized}"),
        };
    }
}
