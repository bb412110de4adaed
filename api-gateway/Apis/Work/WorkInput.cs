using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>The rules of a new task's body. Tags and custom fields are the task's own rules to judge.</summary>
public sealed class TaskCreateValidator : RequestValidator<TaskCreate>
{
    public TaskCreateValidator()
    {
        RuleFor(task => task.Title).Text(FieldLimits.Title);
        RuleFor(task => task.Description).Text(FieldLimits.Text);
        RuleFor(task => task.Status).Text(FieldLimits.Label);
        RuleFor(task => task.Priority).Text(FieldLimits.Label);
        RuleFor(task => task.DependsOnTaskIds).Items(FieldLimits.Ids);
    }
}

/// <summary>The rules of a task PATCH, once read from its raw JSON (<see cref="TaskPatch"/>).</summary>
public sealed class TaskEditValidator : RequestValidator<TaskEdit>
{
    public TaskEditValidator()
    {
        RuleFor(edit => edit.Title).Text(FieldLimits.Title);
        RuleFor(edit => edit.Description).Text(FieldLimits.Text);
        RuleFor(edit => edit.Comment).Text(FieldLimits.Text);
        RuleFor(edit => edit.Status).Text(FieldLimits.Label);
        RuleFor(edit => edit.Priority).Text(FieldLimits.Label);
        RuleFor(edit => edit.DependsOnTaskIds).Items(FieldLimits.Ids);
    }
}

/// <summary>The rules of a comment on a task.</summary>
public sealed class TaskCommentCreateValidator : RequestValidator<TaskCommentCreate>
{
    public TaskCommentCreateValidator() => RuleFor(comment => comment.Message).Text(FieldLimits.Text);
}

/// <summary>The rules of a board memory post.</summary>
public sealed class BoardMemoryCreateValidator : RequestValidator<BoardMemoryCreate>
{
    public BoardMemoryCreateValidator()
    {
        RuleFor(memory => memory.Content).Text(FieldLimits.Text);
        RuleFor(memory => memory.Source).Text(FieldLimits.Label);
        RuleFor(memory => memory.Tags).Items(FieldLimits.Tags);
        RuleForEach(memory => memory.Tags).Text(FieldLimits.Label);
    }
}
