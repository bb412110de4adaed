using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks;
using static MissionControl.Grains.Tests.Tasks.TaskSpec;

namespace MissionControl.Grains.Tests.Tasks;

/// <summary>No tag or custom field exists yet: the task's rules refuse them, after the role's own refusals.</summary>
public class TaskCatalogTests
{
    private static readonly Guid TagId = Guid.NewGuid();

    [Fact]
    public void Given_a_worker_When_it_sets_tags_Then_403_before_the_tags_are_looked_up()
    {
        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(InProgressBy(WorkerId),
            Change(Worker, new TaskChange { SetsTags = true, TagIds = [TagId] })));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Given_a_user_When_they_set_tags_and_custom_fields_Then_404_naming_the_missing_tags_first()
    {
        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(Inbox(),
            Change(User, new TaskChange { SetsTags = true, TagIds = [TagId, TagId], SetsCustomFields = true, CustomFieldKeys = ["size"] })));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
        Assert.Equal(TaskCatalog.MissingTags, error.Detail);
        Assert.Equal([TagId], (IEnumerable<Guid>)error.Fields!["missing_tag_ids"]);
    }

    [Fact]
    public void Given_a_worker_When_it_sets_unknown_custom_fields_Then_422_naming_them_in_order()
    {
        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(InProgressBy(WorkerId),
            Change(Worker, new TaskChange { SetsCustomFields = true, CustomFieldKeys = ["size", "colour"] })));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Equal(["colour", "size"], (IEnumerable<string>)error.Fields!["unknown_field_keys"]);
    }

    [Fact]
    public void Given_a_new_task_with_a_tag_When_created_Then_404_and_no_event()
    {
        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(null,
            new CreateTask(Guid.NewGuid(), BoardId, "Tagged", T0) { TagIds = [TagId] }));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }
}
