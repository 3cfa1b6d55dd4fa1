"""factory_boy factories. Add one per model."""
import factory
from factory.alchemy import SQLAlchemyModelFactory

from app.models import Customer, Order  # adjust to the project


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session = None          # set by the `factories` fixture
        sqlalchemy_session_persistence = "flush"


class CustomerFactory(BaseFactory):
    class Meta:
        model = Customer

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Faker("name")


class OrderFactory(BaseFactory):
    class Meta:
        model = Order

    customer = factory.SubFactory(CustomerFactory)
    status = "pending"
    total_cents = 0
