using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailPreferences",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    WantsStoriesOfTheWeek = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestWeek = table.Column<long>(type: "INTEGER", nullable: false),
                    StoriesWeek = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailPreferences", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_MailPreferences_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GaveUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingMails_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailPreferenceKinds",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailPreferenceKinds", x => new { x.PersonId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MailPreferenceKinds_MailPreferences_PersonId",
                        column: x => x.PersonId,
                        principalTable: "MailPreferences",
                        principalColumn: "PersonId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailPreferenceKinds_Choice_PersonId",
                table: "MailPreferenceKinds",
                columns: new[] { "Choice", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailPreferences_DigestWeek",
                table: "MailPreferences",
                column: "DigestWeek");

            migrationBuilder.CreateIndex(
                name: "IX_MailPreferences_WantsStoriesOfTheWeek_StoriesWeek",
                table: "MailPreferences",
                columns: new[] { "WantsStoriesOfTheWeek", "StoriesWeek" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_PersonId",
                table: "OutgoingMails",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_SentAt_GaveUpAt_NextAttemptAt_Id",
                table: "OutgoingMails",
                columns: new[] { "SentAt", "GaveUpAt", "NextAttemptAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailPreferenceKinds");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropTable(
                name: "MailPreferences");
        }
    }
}
