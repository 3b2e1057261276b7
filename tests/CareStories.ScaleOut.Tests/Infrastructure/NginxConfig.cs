using System.Globalization;

namespace CareStories.ScaleOut.Tests.Infrastructure;

/// <summary>The test's own nginx.conf, written into its temporary folder: deploy/nginx.conf's proxying, on test ports.</summary>
public static class NginxConfig
{
    public static string Write(string folder, int appA, int appB, int proxy, int viaA, int viaB)
    {
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        string Server(int listen, string upstream) => $$"""
                server {
                    listen 127.0.0.1:{{Port(listen)}};
                    location / {
                        proxy_pass http://{{upstream}};
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header Connection "";
                    }
                }
            """;
        var config = $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                client_max_body_size 12m;
                upstream carestories { server 127.0.0.1:{{Port(appA)}}; server 127.0.0.1:{{Port(appB)}}; keepalive 8; }
                upstream only_a { server 127.0.0.1:{{Port(appA)}}; }
                upstream only_b { server 127.0.0.1:{{Port(appB)}}; }
            {{Server(proxy, "carestories")}}
            {{Server(viaA, "only_a")}}
            {{Server(viaB, "only_b")}}
            }
            """;
        var path = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(path, config);
        return path;
    }
}
