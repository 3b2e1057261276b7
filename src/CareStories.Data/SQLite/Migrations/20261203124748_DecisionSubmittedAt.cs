using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class DecisionSubmittedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "StoryStatusChanges",
                type: "INTEGER",
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
