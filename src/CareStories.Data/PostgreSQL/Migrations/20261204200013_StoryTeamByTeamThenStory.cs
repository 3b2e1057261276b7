using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class StoryTeamByTeamThenStory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StoryTeam_TeamId",
                table: "StoryTeam");

            migrationBuilder.CreateIndex(
                name: "IX_StoryTeam_TeamId_StoryId",
                table: "StoryTeam",
                columns: new[] { "TeamId", "StoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StoryTeam_TeamId_StoryId",
                table: "StoryTeam");

            migrationBuilder.CreateIndex(
                name: "IX_StoryTeam_TeamId",
                table: "StoryTeam",
                column: "TeamId");
        }
    }
}
