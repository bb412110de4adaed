using MissionControl.OpenClaw.Errors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace MissionControl.OpenClaw.Resilience;

/// <summary>
/// The single place gateway calls get their resilience, one instance per gateway, built from
/// Polly's strategies: transient errors are retried with Polly's jittered exponential backoff
/// inside an overall budget per operation kind (or after the wait the gateway asked for);
/// stale-hash conflicts are re-run from the start of the operation (so it re-reads
/// <c>config.get</c>) after a short jittered pause; a circuit breaker shared by all operations on
/// the gateway fails fast once the gateway looks dead.
/// </summary>
public sealed class GatewayResilience
{
    private readonly string _gatewayId;
    private readonly GatewayResilienceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _breaker;
    private readonly CircuitBreakerStateProvider _breakerState = new();
    private string? _lastBreakReason;

    /// <summary>Creates the pipelines for one gateway.</summary>
    public GatewayResilience(string gatewayId, GatewayResilienceOptions? options = null, TimeProvider? clock = null)
    {
        _gatewayId = gatewayId;
        _options = options ?? new GatewayResilienceOptions();
        _clock = clock ?? TimeProvider.System;
        // Conflicts outside, so a conflict re-runs the whole operation with its transient retries.
        var retry = new ResiliencePipelineBuilder { TimeProvider = _clock };
        if (_options.MaxConflictRetries > 0)
            retry.AddRetry(ConflictRetryOptions());
        _retry = retry.AddRetry(TransientRetryOptions()).Build();
        _breaker = new ResiliencePipelineBuilder { TimeProvider = _clock }.AddCircuitBreaker(BreakerOptions()).Build();
    }

    /// <summary>The settings in force.</summary>
    public GatewayResilienceOptions Options => _options;

    /// <summary>Current state of this gateway's circuit.</summary>
    public CircuitState CircuitState => _breakerState.CircuitState;

    /// <summary>
    /// Runs <paramref name="operation"/> (which must be safe to repeat) under the policy for
    /// <paramref name="kind"/>. The token passed to it is cancelled when the budget runs out.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(GatewayOperationKind kind, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        var budget = _options.BudgetFor(kind);
        using var budgetTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budgetTimer.CancelAfter(budget);
        var state = new OperationState(_clock.GetUtcNow() + budget);
        var context = ResilienceContextPool.Shared.Get(budgetTimer.Token);
        context.Properties.Set(OperationState.Key, state);
        try
        {
            return await _retry.ExecuteAsync(
                static (ctx, args) => args.Self.AttemptAsync(ctx, args.Operation),
                context,
                (Self: this, Operation: operation));
        }
        catch (GatewayException ex) when (ex.IsTransient && ex.Kind != GatewayErrorKind.RateLimited)
        {
            throw Unreachable(kind, budget, ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(kind, budget, state.LastError);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Same as <see cref="ExecuteAsync{T}"/> for operations without a result.</summary>
    public Task ExecuteAsync(GatewayOperationKind kind, Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default) =>
        ExecuteAsync(kind, async token =>
        {
            await operation(token);
            return true;
        }, cancellationToken);

    private async ValueTask<T> AttemptAsync<T>(ResilienceContext context, Func<CancellationToken, Task<T>> operation)
    {
        try
        {
            return await _breaker.ExecuteAsync(
                static async (ctx, op) => await op(ctx.CancellationToken),
                context,
                operation);
        }
        catch (BrokenCircuitException ex)
        {
            throw new GatewayException(GatewayErrorKind.CircuitOpen,
                $"Gateway {_gatewayId} is failing fast: circuit open after repeated transient failures (retrying in up to {_options.BreakerDuration.TotalSeconds:0.#} s). Last error: {_lastBreakReason ?? "unknown"}",
                isTransient: false, ex);
        }
        catch (GatewayException ex)
        {
            context.Properties.GetValue(OperationState.Key, null!).LastError = ex;
            throw;
        }
    }

    private RetryStrategyOptions ConflictRetryOptions() => new()
    {
        MaxRetryAttempts = _options.MaxConflictRetries,
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is GatewayException { Kind: GatewayErrorKind.ConfigConflict }),
        BackoffType = DelayBackoffType.Constant,
        Delay = _options.ConflictDelay,
        UseJitter = true, // racing writers spread out
    };

    private RetryStrategyOptions TransientRetryOptions() => new()
    {
        MaxRetryAttempts = int.MaxValue, // The budget, not a count, ends transient retries.
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
        BackoffType = DelayBackoffType.Exponential,
        Delay = _options.BaseDelay,
        MaxDelay = _options.MaxDelay,
        UseJitter = true,
        // The gateway's own "retry after" wins; otherwise Polly's backoff (null).
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is GatewayException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
    };

    private CircuitBreakerStrategyOptions BreakerOptions() => new()
    {
        FailureRatio = _options.BreakerFailureRatio,
        MinimumThroughput = _options.BreakerMinimumThroughput,
        SamplingDuration = _options.BreakerSamplingDuration,
        BreakDuration = _options.BreakerDuration,
        StateProvider = _breakerState,
        // Only signs of an unreachable gateway count; a gateway that answers "no" is healthy.
        ShouldHandle = args => ValueTask.FromResult(
            // A throttled call or a plugin swap comes from a gateway that is up and answering.
            args.Outcome.Exception is GatewayException { IsTransient: true, Kind: not (GatewayErrorKind.RateLimited or GatewayErrorKind.Reloading) }),
        OnOpened = args =>
        {
            _lastBreakReason = args.Outcome.Exception?.Message;
            return ValueTask.CompletedTask;
        },
    };

    // A retry the budget cannot wait for is not made: the budget's end cancels any pause anyway.
    private bool ShouldRetry(Exception? exception, ResilienceContext context)
    {
        if (exception is not GatewayException { IsTransient: true, Kind: not GatewayErrorKind.ConfigConflict } error)
            return false;
        var remaining = context.Properties.GetValue(OperationState.Key, null!).Deadline - _clock.GetUtcNow();
        return remaining > TimeSpan.Zero && (error.RetryAfter is not { } wait || wait < remaining);
    }

    private static GatewayException Unreachable(GatewayOperationKind kind, TimeSpan budget, GatewayException? lastError)
    {
        var context = kind == GatewayOperationKind.TemplateSync ? "template sync" : "interactive";
        var last = lastError?.Message ?? "none";
        return new GatewayException(GatewayErrorKind.Unreachable,
            $"Gateway unreachable after {RetryBudget.DescribeBudget(budget)} ({context} timeout). Last error: {last}",
            isTransient: false, lastError);
    }
}
