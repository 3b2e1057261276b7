using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatWebhooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ProtectedAddress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MaskedAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConnectedById = table.Column<string>(type: "TEXT", nullable: false),
                    ConnectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatWebhooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatWebhooks_AspNetUsers_ConnectedById",
                        column: x => x.ConnectedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChatWebhooks_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ChatPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WebhookId = table.Column<int>(type: "INTEGER", nullable: false),
                    Event = table.Column<int>(type: "INTEGER", nullable: false),
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GaveUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatPosts_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChatPosts_ChatWebhooks_WebhookId",
                        column: x => x.WebhookId,
                        principalTable: "ChatWebhooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChatPosts_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
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
                name: "IX_ChatPosts_ActorId",
                table: "ChatPosts",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatPosts_CreatedAt_Id",
                table: "ChatPosts",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatPosts_SentAt_GaveUpAt_NextAttemptAt_Id",
                table: "ChatPosts",
                columns: new[] { "SentAt", "GaveUpAt", "NextAttemptAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatPosts_StoryId",
                table: "ChatPosts",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatPosts_WebhookId",
                table: "ChatPosts",
                column: "WebhookId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatWebhooks_ConnectedById",
                table: "ChatWebhooks",
                column: "ConnectedById");

            migrationBuilder.CreateIndex(
                name: "IX_ChatWebhooks_TeamId",
                table: "ChatWebhooks",
                column: "TeamId");

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
                name: "ChatPosts");

            migrationBuilder.DropTable(
                name: "MailPreferenceKinds");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropTable(
                name: "ChatWebhooks");

            migrationBuilder.DropTable(
                name: "MailPreferences");
        }
    }
}
