package server

import (
	"context"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
)

// Pinger is anything whose availability gates readiness (a *sql.DB satisfies it).
type Pinger interface {
	PingContext(ctx context.Context) error
}

// RegisterHealth wires grpc.health.v1 and optional reflection into s.
// It returns a stop function to call before GracefulStop.
func RegisterHealth(s *grpc.Server, deps []Pinger) (stop func()) {
	hs := health.NewServer()
	healthpb.RegisterHealthServer(s, hs)
	hs.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	hs.SetServingStatus("readiness", healthpb.HealthCheckResponse_NOT_SERVING)

	if os.Getenv("GRPC_REFLECTION") == "1" {
		reflection.Register(s)
	}

	done := make(chan struct{})
	go func() {
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		for {
			status := healthpb.HealthCheckResponse_SERVING
			for _, d := range deps {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				err := d.PingContext(ctx)
				cancel()
				if err != nil {
					status = healthpb.HealthCheckResponse_NOT_SERVING
					break
				}
			}
			hs.SetServingStatus("readiness", status)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()

	return func() {
		close(done)
		hs.Shutdown() // sets every service to NOT_SERVING
	}
}
