package server

import (
	"context"
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/test/bufconn"
)

type okPinger struct{}

func (okPinger) PingContext(context.Context) error { return nil }

func TestHealth(t *testing.T) {
	lis := bufconn.Listen(1 << 20)
	s := grpc.NewServer()
	stop := RegisterHealth(s, []Pinger{okPinger{}})
	go s.Serve(lis)
	defer s.Stop()

	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := healthpb.NewHealthClient(conn)

	resp, err := c.Check(context.Background(), &healthpb.HealthCheckRequest{})
	if err != nil || resp.Status != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("overall: %v %v", resp, err)
	}
	stop()
	resp, _ = c.Check(context.Background(), &healthpb.HealthCheckRequest{})
	if resp.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("after stop: %v", resp)
	}
}
