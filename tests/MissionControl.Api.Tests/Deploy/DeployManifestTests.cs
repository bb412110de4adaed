using System.Text.RegularExpressions;
using static MissionControl.Api.Tests.Deploy.Manifests;

namespace MissionControl.Api.Tests.Deploy;

/// <summary>
/// No container engine runs here, so the deploy files are checked as data: they parse, they hand
/// the service only variables it documents, they wire probes, selectors and addresses together,
/// and the image starts the service the way the local cluster does.
/// </summary>
public sealed partial class DeployManifestTests
{
    private static readonly string[] KubernetesFiles = ["configmap.yaml", "secret.yaml", "deployment.yaml", "service.yaml", "pdb.yaml"];

    [Fact]
    public void Given_the_kubernetes_manifests_When_read_Then_each_is_one_object_of_the_expected_kind_named_for_the_service()
    {
        var kinds = KubernetesFiles.Select(file => Yaml("kubernetes", file)).ToList();

        Assert.Equal(["ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget"], kinds.Select(m => (string)m["kind"]));
        Assert.All(kinds, m => Assert.Equal("mission-control", At(m, "metadata", "name")));
    }

    [Fact]
    public void Given_the_deployment_When_read_Then_readiness_is_readyz_liveness_is_healthz_and_the_silo_advertises_its_pod_ip()
    {
        var pod = Map(Yaml("kubernetes", "deployment.yaml"), "spec", "template", "spec");
        var container = Map(pod, "containers", 0);

        Assert.Equal("/readyz", At(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", At(container, "livenessProbe", "httpGet", "path"));
        var advertised = List(container, "env").Cast<Dictionary<object, object>>().Single(e => (string)e["name"] == "ORLEANS_ADVERTISED_IP");
        Assert.Equal("status.podIP", At(advertised, "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal(["mission-control", "mission-control"],
            List(container, "envFrom").Select(source => At(source, "configMapRef", "name") ?? At(source, "secretRef", "name")));
        // Draining takes up to 30 s before the silo leaves the cluster; the kill must come later.
        Assert.True(int.Parse((string)pod["terminationGracePeriodSeconds"]) > 30);
    }

    [Fact]
    public void Given_the_service_and_the_disruption_budget_When_read_Then_both_select_the_deployments_pods()
    {
        var podLabels = Map(Yaml("kubernetes", "deployment.yaml"), "spec", "template", "metadata", "labels");

        Assert.Equal(podLabels, Map(Yaml("kubernetes", "service.yaml"), "spec", "selector"));
        Assert.Equal(podLabels, Map(Yaml("kubernetes", "pdb.yaml"), "spec", "selector", "matchLabels"));
        Assert.Equal(podLabels, Map(Yaml("kubernetes", "deployment.yaml"), "spec", "selector", "matchLabels"));
    }

    [Fact]
    public void Given_every_variable_the_manifests_set_When_looked_up_in_the_readme_Then_each_is_a_documented_setting()
    {
        var documented = DocumentedVariables();
        var deployment = Map(Yaml("kubernetes", "deployment.yaml"), "spec", "template", "spec", "containers", 0);
        var set = Map(Yaml("kubernetes", "configmap.yaml"), "data").Keys
            .Concat(Map(Yaml("kubernetes", "secret.yaml"), "stringData").Keys)
            .Concat(List(deployment, "env").Select(e => At(e, "name")!))
            .Concat(Map(Yaml("compose.yaml"), "services", "silo-1", "environment").Keys)
            .Cast<string>()
            .Distinct()
            .ToList();

        Assert.Contains("DATABASE_URL", set);
        Assert.Empty(set.Except(documented));
    }

    [Fact]
    public void Given_the_compose_file_When_read_Then_each_silo_advertises_its_own_fixed_address_and_the_balancer_reaches_them_all()
    {
        var services = Map(Yaml("compose.yaml"), "services");
        var silos = services.Keys.Cast<string>().Where(name => name.StartsWith("silo-", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, silos.Count);
        var addresses = silos.Select(silo => (string)At(services, silo, "environment", "ORLEANS_ADVERTISED_IP")!).ToList();
        Assert.Equal(addresses, silos.Select(silo => (string)At(services, silo, "networks", "cluster", "ipv4_address")!));
        Assert.Equal(silos.Count, addresses.Distinct().Count());
        Assert.Single(silos.Select(silo => (string)At(services, silo, "environment", "DATABASE_URL")!).Distinct());
        Assert.Equal(silos.Select(silo => $"http://{silo}:8000"), ((string)At(services, "balancer", "environment", "MC_BACKENDS")!).Split(','));
        Assert.Equal(["dotnet", "MissionControl.LoadBalancer.dll"], List(services, "balancer", "entrypoint").Cast<string>());
    }

    [Fact]
    public void Given_the_image_When_its_entry_point_is_compared_with_the_local_cluster_Then_both_run_the_services_own_assembly_from_its_build_output()
    {
        var dockerfile = File.ReadAllText(PathOf("container", "Dockerfile"));
        var cluster = File.ReadAllText(PathOf("cluster.sh"));

        Assert.Contains("dotnet publish api-gateway -c Release -o /app/service", dockerfile);
        Assert.Contains("WORKDIR /app/service", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"MissionControl.ApiGateway.dll\"]", dockerfile);
        Assert.Contains("exec dotnet bin/Release/net10.0/MissionControl.ApiGateway.dll", cluster);
    }

    // The first column of the README's configuration table.
    private static HashSet<string> DocumentedVariables()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        return [.. ConfigurationRow().Matches(readme).SelectMany(m => m.Groups[1].Value.Split(',').Select(v => v.Trim().Trim('`')))];
    }

    [GeneratedRegex(@"^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \|", RegexOptions.Multiline)]
    private static partial Regex ConfigurationRow();
}
