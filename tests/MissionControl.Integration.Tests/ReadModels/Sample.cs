using System.Text.Json;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Gateways;
using MissionControl.Grains.Gateways.Events;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;
using MissionControl.Grains.Tasks.Events;

namespace MissionControl.Integration.Tests.ReadModels;

/// <summary>Real domain events with plausible values, and the stream ids grains give them.</summary>
internal static class Sample
{
    // PostgreSQL keeps microseconds; whole seconds compare equal after a round trip.
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    public static string AgentStream(Guid id) => $"agent-{id}";

    public static string BoardStream(Guid id) => $"board-{id}";

    public static string GatewayStream(Guid id) => $"gateway-{id}";

    public static string OrganizationStream(Guid id) => $"organization-{id}";

    public static string TaskStream(Guid id) => $"task-{id}";

    public static AgentCreated Agent(Guid agentId, Guid gatewayId, Guid? boardId, string name = "worker", string? tokenLookup = null) =>
        new(agentId, name, boardId, gatewayId, IsBoardLead: false, $"agent:mc-{agentId}:main", "pbkdf2_sha256$1000$c2FsdA$ZGlnZXN0",
            new Dictionary<string, JsonElement> { ["every"] = JsonSerializer.SerializeToElement("10m") },
            IdentityProfile: null, IdentityTemplate: null, SoulTemplate: null, At(0))
        {
            TokenLookup = tokenLookup,
        };

    public static GatewayRegistered Gateway(Guid gatewayId, Guid organizationId, string name = "gw", string? token = null) =>
        new(gatewayId, organizationId, name, "ws://127.0.0.1:18789", token is null ? null : new GatewaySecret(token),
            "/srv/workspaces", AllowInsecureTls: false, DisableDevicePairing: false, At(0));

    public static BoardCreated Board(Guid boardId, Guid organizationId, Guid gatewayId, string name = "board", int createdAt = 0) =>
        new(boardId, organizationId, name, "a board", "general", Objective: null, gatewayId, new BoardRules(), At(createdAt));

    public static TaskCreated Task(Guid taskId, Guid boardId, string status = "inbox", Guid? assignee = null, int createdAt = 0) =>
        new(taskId, boardId, $"task {taskId:N}", Description: null, status, "medium", assignee, CreatedByUserId: null, At(createdAt));

    public static OrganizationCreated Organization(Guid organizationId, string name = "org") => new(organizationId, name, At(0));

    public static OrganizationMemberAdded Member(Guid userId, string role, params (Guid Board, bool Write)[] grants) =>
        new(userId, $"{userId:N}@example.test", role, AllBoardsRead: false, AllBoardsWrite: false,
            grants.ToDictionary(g => g.Board, g => new BoardGrant(CanRead: true, CanWrite: g.Write)), At(1));
}
