namespace MissionControl.ApiGateway.Access;

public static class AccessSetup
{
    /// <summary>Who the caller is within the organizations (sessions) and what they may reach (guards).</summary>
    public static IServiceCollection AddMissionControlAccess(this IServiceCollection services)
    {
        services.AddSingleton<UserSessions>();
        services.AddSingleton<BoardGuard>();
        services.AddSingleton<AgentAdminGuard>();
        return services;
    }
}
