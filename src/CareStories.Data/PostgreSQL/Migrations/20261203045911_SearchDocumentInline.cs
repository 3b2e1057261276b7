using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class SearchDocumentInline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            PostgresStorySearchIndex.KeepDocumentInline(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            PostgresStorySearchIndex.LetDocumentMoveOut(migrationBuilder);
        }
    }
}
