namespace MissionControl.OpenClaw.Tests; public class Smoke { [Fact] public void Builds() => Assert.True(typeof(Smoke).Assembly is not null); }
