using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace MissionControl.Grains.Deletion;

/// <summary>
/// Runs one board's or organization's deletion (see <see cref="ICascadeDeletionGrain"/>). Its
/// stored progress says a deletion is under way, and a durable reminder, armed before the first
/// step, finishes it on a surviving silo if this one dies. Every step is idempotent (deleting a
/// deleted agent, board or gateway changes nothing), so a step repeated after a crash does no harm.
/// Calls made while a deletion runs wait their turn and then find it finished.
/// </summary>
[GrainType("cascade-deletion")]
public sealed class CascadeDeletionGrain(
    [PersistentState("cascade-deletion")] IPersistentState<CascadeProgress> progress,
    ICascadeContents contents,
    AgentOptions options,
    IGrainFactory grains) : Grain, ICascadeDeletionGrain, IRemindable
{
    public const string ResumeWatch = "resume-deletion";

    private (string Kind, Guid Id) Target => CascadeKeys.Parse(this.GetPrimaryKeyString());

    public async Task<CascadeOutcome> Run(Guid? actorUserId)
    {
        if (Target is (CascadeKeys.OrganizationKind, var organizationId))
            await EnsureOwnerAsync(organizationId, actorUserId);
        progress.State = new CascadeProgress { UnderWay = true, ActorUserId = actorUserId };
        await progress.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeWatch, options.ProvisionStuckAfter, RetryPeriod);
        return await ContinueAsync();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // A handler that throws (the database is away, say) leaves the reminder armed: it fires
        // again one period later. A refusal is recorded and waits for someone to delete again.
        if (reminderName == ResumeWatch && progress.State.UnderWay)
        {
            try
            {
                await ContinueAsync();
            }
            catch (DomainException)
            {
            }
        }
        await CancelWatchAsync();
    }

    private async Task<CascadeOutcome> ContinueAsync()
    {
        string? refused;
        try
        {
            refused = await DeleteAgentsAsync();
            if (refused is null)
            {
                await DeleteHolderAsync();
                // A worker admitted between the last listing and the holder's deletion goes too.
                refused = await DeleteAgentsAsync();
            }
        }
        catch (DomainException error)
        {
            // A refusal retrying will not change (the deleter is no longer an owner, say).
            await StopAsync(error.Detail);
            throw;
        }
        if (refused is not null)
            return await StopAsync(refused);
        await progress.ClearStateAsync();
        await CancelWatchAsync();
        return new CascadeOutcome(true, null);
    }

    // As for one agent: what is left stays, with the reason, until someone deletes again.
    private async Task<CascadeOutcome> StopAsync(string reason)
    {
        progress.State.LastError = reason;
        await progress.WriteStateAsync();
        await CancelWatchAsync();
        return new CascadeOutcome(false, reason);
    }

    /// <summary>
    /// Deletes the agents until none is left (one added meanwhile is deleted too); returns the
    /// first gateway error that kept one, else null.
    /// </summary>
    private async Task<string?> DeleteAgentsAsync()
    {
        while ((await AgentsLeftAsync()) is { Count: > 0 } agents)
        {
            foreach (var agentId in agents)
            {
                var deletion = await grains.GetGrain<IAgentGrain>(agentId.ToString()).Delete();
                if (!deletion.Deleted)
                    return deletion.Error ?? "agent deletion did not complete";
            }
        }
        return null;
    }

    private Task<IReadOnlyList<Guid>> AgentsLeftAsync() => Target switch
    {
        (CascadeKeys.BoardKind, var boardId) => contents.AgentsOfBoardAsync(boardId, CancellationToken.None),
        (_, var organizationId) => contents.AgentsOfOrganizationAsync(organizationId, CancellationToken.None),
    };

    private async Task DeleteHolderAsync()
    {
        if (Target is (CascadeKeys.BoardKind, var boardId))
        {
            await grains.GetGrain<IBoardGrain>(boardId.ToString()).Delete();
            return;
        }
        var organizationId = Target.Id;
        foreach (var ownedBoardId in await contents.BoardsOfOrganizationAsync(organizationId, CancellationToken.None))
            await grains.GetGrain<IBoardGrain>(ownedBoardId.ToString()).Delete();
        foreach (var gatewayId in await contents.GatewaysOfOrganizationAsync(organizationId, CancellationToken.None))
            await grains.GetGrain<IGatewayGrain>(gatewayId.ToString()).Delete();
        await grains.GetGrain<IOrganizationGrain>(organizationId.ToString())
            .Delete(progress.State.ActorUserId ?? throw new InvalidOperationException("An organization's deletion names who deletes it."));
    }

    // Checked before anything is deleted: the organization's own check comes only at the end.
    private async Task EnsureOwnerAsync(Guid organizationId, Guid? actorUserId)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(organizationId.ToString()).Get();
        if (!organization.Members.Any(member => member.UserId == actorUserId && member.Role == Roles.Owner))
            throw DomainError.Forbidden(OrganizationDecider.OnlyOwnersDelete);
    }

    private async Task CancelWatchAsync()
    {
        if (await this.GetReminder(ResumeWatch) is { } armed)
            await this.UnregisterReminder(armed);
    }

    // The shortest period the cluster allows: the delay before a failed resumption runs again.
    private TimeSpan RetryPeriod => ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
}

/// <summary>A deletion under way: who asked (for an organization) and the last gateway error that stopped it.</summary>
[GenerateSerializer]
[Alias("mc.cascade-progress")]
public sealed class CascadeProgress
{
    [Id(0)]
    public bool UnderWay { get; set; }

    [Id(1)]
    public Guid? ActorUserId { get; set; }

    [Id(2)]
    public string? LastError { get; set; }
}
