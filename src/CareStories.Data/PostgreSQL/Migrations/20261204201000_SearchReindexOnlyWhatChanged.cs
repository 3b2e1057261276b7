using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class SearchReindexOnlyWhatChanged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL only: the search index's triggers re-read a story only when an update changed what finds it.
            PostgresStorySearchIndex.ReindexOnlyWhatChanged(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            PostgresStorySearchIndex.ReindexOnEveryUpdate(migrationBuilder);
        }
    }
}
