using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>A board memory entry (the API's BoardMemoryRead).</summary>
public sealed record BoardMemoryRow(
    Guid Id, Guid BoardId, string Content, IReadOnlyList<string>? Tags, bool IsChat, string? Source, DateTimeOffset CreatedAt);

/// <summary>Reads of <c>board_memory</c>. Entries whose content is blank are never shown.</summary>
public sealed class BoardMemoryQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, board_id, content, tags::text as tags, is_chat, source, created_at";

    /// <summary>One page of a board's memory, newest first; <paramref name="isChat"/> picks chat or non-chat entries.</summary>
    public Task<Page<BoardMemoryRow>> ListAsync(Guid boardId, bool? isChat, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(Columns, "board_memory", Where(boardId, isChat), "created_at desc, id", limit, offset, Read, ct);

    /// <summary>Entries written at or after <paramref name="since"/>, oldest first (the memory stream).</summary>
    public Task<IReadOnlyList<BoardMemoryRow>> SinceAsync(Guid boardId, DateTimeOffset since, bool? isChat, CancellationToken ct = default)
    {
        var where = Where(boardId, isChat).Require("created_at >= {0}", since);
        return dataSource.ListAsync(
            $"select {Columns} from board_memory {where.WhereClause} order by created_at, id limit 500", Read, ct, [.. where.Values]);
    }

    /// <summary>The newest <paramref name="count"/> chat messages, oldest first (the board snapshot).</summary>
    public Task<IReadOnlyList<BoardMemoryRow>> LatestChatAsync(Guid boardId, int count, CancellationToken ct = default) =>
        dataSource.ListAsync($"""
            select * from (
                select {Columns} from board_memory
                where board_id = $1 and is_chat and length(trim(content)) > 0
                order by created_at desc, id limit $2) newest
            order by created_at, id
            """, Read, ct, boardId, count);

    private static Filter Where(Guid boardId, bool? isChat) => new Filter()
        .Require("board_id = {0}", boardId)
        .Require("length(trim(content)) > 0")
        .RequireIfSet("is_chat = {0}", isChat);

    private static BoardMemoryRow Read(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Guid("board_id"),
        row.Text("content"),
        row.Json<List<string>>("tags"),
        row.Flag("is_chat"),
        row.TextOrNull("source"),
        row.Time("created_at"));
}
