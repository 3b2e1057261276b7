using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class DecisionSubmittedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "StoryStatusChanges",
                type: "timestamp with time zone",
                nullable: true);

            // The decisions already recorded get the submission each answers, by the rule the waits used to look up.
            migrationBuilder.Sql(CareStories.Domain.Data.DecisionSubmissions.Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "StoryStatusChanges");
        }
    }
}
