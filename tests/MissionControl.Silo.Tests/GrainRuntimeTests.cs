using Microsoft.Extensions.DependencyInjection;
using MissionControl.Silo.Runtime;
using MissionControl.Silo.Tests.TestGrains;
using MissionControl.Testing;

namespace MissionControl.Silo.Tests;

public sealed class GrainRuntimeTests
{
    [Fact]
    public async Task Given_many_concurrent_calls_to_one_grain_When_they_run_Then_they_run_one_at_a_time()
    {
        var probe = new Probe();
        await using var cluster = await SiloSetup.StartAsync(1, probe);
        var grain = cluster.Primary.Grains.GetGrain<IProbeGrain>("busy");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Work(TimeSpan.FromMilliseconds(10))));

        Assert.Equal(1, probe.MaxConcurrentCalls);
    }

    [Fact]
    public async Task Given_calls_to_different_grains_When_they_run_Then_they_may_overlap()
    {
        var probe = new Probe();
        await using var cluster = await SiloSetup.StartAsync(1, probe);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            cluster.Primary.Grains.GetGrain<IProbeGrain>($"g{i}").Work(TimeSpan.FromMilliseconds(300))));

        Assert.True(probe.MaxConcurrentCalls > 1);
    }

    [Fact]
    public async Task Given_a_grain_When_it_calls_another_grain_Then_the_answer_comes_back()
    {
        await using var cluster = await SiloSetup.StartAsync(1);

        var answer = await cluster.Primary.Grains.GetGrain<IProbeGrain>("a").Relay("b", "hello");

        Assert.Equal("b:hello", answer);
    }

    [Fact]
    public async Task Given_a_grain_calling_itself_When_its_turn_never_frees_Then_the_call_times_out_instead_of_hanging()
    {
        await using var cluster = await SiloSetup.StartAsync(1, options: o => o.TurnTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => cluster.Primary.Grains.GetGrain<IProbeGrain>("loop").CallSelf());

        Assert.Contains("probe/loop", error.Message);
    }

    [Fact]
    public async Task Given_an_idle_grain_When_the_idle_timeout_passes_Then_it_is_deactivated_and_a_later_call_reactivates_it()
    {
        var probe = new Probe();
        await using var cluster = await SiloSetup.StartAsync(1, probe, o =>
        {
            o.IdleTimeout = TimeSpan.FromMilliseconds(200);
            o.IdleScanInterval = TimeSpan.FromMilliseconds(100);
        });
        var runtime = cluster.Primary.Services.GetRequiredService<GrainRuntime>();
        var grain = cluster.Primary.Grains.GetGrain<IProbeGrain>("idle");

        await grain.Echo("x");
        Assert.Equal(1, runtime.ActivationCount);
        await Eventually.WaitUntil(() => runtime.ActivationCount == 0, TimeSpan.FromSeconds(10), "the idle grain is collected");

        Assert.Equal(["idle"], probe.Deactivated);
        Assert.Equal("idle:y", await grain.Echo("y"));
        Assert.Equal(1, runtime.ActivationCount);
    }

    [Fact]
    public async Task Given_an_activation_that_fails_When_called_again_Then_a_new_activation_is_attempted()
    {
        var probe = new Probe();
        probe.ActivationFailuresLeft["flaky"] = 1;
        await using var cluster = await SiloSetup.StartAsync(1, probe);
        var grain = cluster.Primary.Grains.GetGrain<IProbeGrain>("flaky");

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Echo("first"));

        Assert.Equal("flaky:second", await grain.Echo("second"));
    }

    [Fact]
    public async Task Given_a_timer_When_its_period_passes_Then_it_ticks_inside_the_grain()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var grain = cluster.Primary.Grains.GetGrain<IProbeGrain>("ticker");

        await grain.StartTicking(TimeSpan.FromMilliseconds(50));

        await Eventually.WaitUntil(async () => await grain.GetTicks() >= 3, TimeSpan.FromSeconds(10), "the timer ticks three times");
    }

    [Fact]
    public async Task Given_a_killed_silo_When_called_Then_it_refuses_with_a_clear_error()
    {
        await using var cluster = await SiloSetup.StartAsync(2);
        var victim = cluster.Silos[1];
        var grains = victim.Grains;

        await victim.KillAsync();

        await Assert.ThrowsAsync<SiloUnavailableException>(() => grains.GetGrain<IProbeGrain>("x").Echo("y"));
    }
}
